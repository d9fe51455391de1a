/**
 * What a page's body stream is drawn from, as a digest: the drawer (draw.ts) keeps the stream
 * of each page by it and takes it again for a page with the same key. The key holds every value
 * of a drawable that the drawer's operators depend on, and nothing that only places the page in
 * its document (structure keys, block numbers, link targets): the pages of two firms' guides that
 * differ in their letter have the same keys. test/writers/pdf-page-reuse.test.ts changes each value
 * of each kind of drawable and checks that the key changes or the stream stays the same.
 *
 * Numbers are kept as they are, not written as text: a key made with JSON.stringify took as long
 * as drawing the page.
 */

import { createHash } from 'node:crypto';
import type { QrMatrix } from './qr.js';
import type { Drawable, LineDrawable, StructPath } from './types.js';

/** Each kind of drawable's number in a key; links, anchors and page references draw nothing. */
const KIND: Record<Drawable['kind'], number> = {
  line: 1,
  cell: 2,
  frame: 3,
  rule: 4,
  bullet: 5,
  qr: 6,
  link: 0,
  anchor: 0,
  'page-ref': 0,
};

/** Whether lines will be tagged when drawn, asked of a page's lines in order. */
export interface LineTagging {
  wouldTag(line: LineDrawable): boolean;
}

/** Builds page keys, one after another, reusing its buffers. */
export class PageKeys {
  private numbers = new Float64Array(1024);
  private count = 0;
  private readonly texts: string[] = [];
  /** Marked content paths met on the page so far: the operators tell one element from another. */
  private readonly paths = new Map<StructPath, number>();

  /**
   * The key of `body` drawn in a document whose `setting` is given; `tagging` says whether each
   * line, in turn, will be tagged (a table's header row repeated on a later page is not).
   */
  key(setting: string, body: readonly Drawable[], tagging: LineTagging): string {
    this.text(setting);
    for (const d of body) {
      this.number(KIND[d.kind]);
      switch (d.kind) {
        case 'line':
          this.text(d.role);
          this.number(d.baseline);
          this.number(d.size);
          this.number(tagging.wouldTag(d) ? 1 : 0);
          this.path(d.struct);
          this.number(d.runs.length);
          for (const run of d.runs) {
            this.number(run.x);
            this.text(run.text);
            this.text(run.font);
            this.text(run.color);
            this.number(run.charSpacing);
            this.path(run.struct);
          }
          break;
        case 'cell':
          this.text(d.fill ?? '');
          this.box(d.x, d.y, d.width, d.height);
          break;
        case 'frame':
          this.box(d.x, d.y, d.width, d.height);
          this.list(d.columns);
          this.list(d.rows);
          this.number(d.lineWidth);
          this.text(d.color);
          break;
        case 'rule':
          this.box(d.x, d.y, d.width, d.lineWidth);
          this.number(d.dotPitch ?? -1);
          this.text(d.color);
          break;
        case 'bullet':
          this.box(d.x, d.y, d.radius, d.filled ? 1 : 0);
          this.text(d.color);
          this.path(d.struct);
          break;
        case 'qr':
          this.box(d.x, d.y, d.size, d.matrix.size);
          this.text(modules(d.matrix));
          this.text(d.color);
          this.path(d.struct);
          break;
      }
    }
    return this.digest();
  }

  private digest(): string {
    const hash = createHash('sha256');
    hash.update(new Uint8Array(this.numbers.buffer, 0, this.count * 8));
    hash.update(this.texts.join('\n'));
    this.count = 0;
    this.texts.length = 0;
    this.paths.clear();
    return hash.digest('hex');
  }

  private number(value: number): void {
    if (this.count === this.numbers.length) {
      const grown = new Float64Array(2 * this.count);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.count++] = value;
  }

  /** A text, after its length (texts are joined for hashing). */
  private text(value: string): void {
    this.number(value.length);
    this.texts.push(value);
  }

  private box(a: number, b: number, c: number, d: number): void {
    this.number(a);
    this.number(b);
    this.number(c);
    this.number(d);
  }

  private list(values: readonly number[]): void {
    this.number(values.length);
    for (const value of values) this.number(value);
  }

  /** A marked content path: its tag, and which of the page's paths it is (0 for none). */
  private path(path: StructPath | undefined): void {
    if (!path) {
      this.number(0);
      return;
    }
    let n = this.paths.get(path);
    if (n === undefined) this.paths.set(path, (n = this.paths.size + 1));
    this.number(n);
    this.text(path[path.length - 1]!.type);
  }
}

/** A QR symbol's modules, a character each. */
function modules(matrix: QrMatrix): string {
  return Buffer.from(matrix.dark.buffer, matrix.dark.byteOffset, matrix.dark.length).toString('latin1');
}
