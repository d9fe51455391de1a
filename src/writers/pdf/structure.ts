/**
 * The structure tree of a tagged PDF (PDF 1.7, 14.7–14.8), built while pages are drawn: each
 * piece of tagged content gets a marked-content id on its page and joins the element its
 * drawable's path names (types.ts `StructPath`). Elements appear in the order their content is
 * first drawn, which is the reading order of the layout; an element split across pages (a
 * paragraph, a table) stays one element. pdfkit's own tagging API writes each element when it
 * ends and points annotation references at the current page, so the tree is kept here and
 * written once, after the last page.
 *
 * A 2,000-measure guide has about 280,000 elements, and any of them may still get content on a
 * later page, so the whole tree is kept until the end: as columns of integers (a few bytes per
 * element and kid), not as objects (about 250 bytes each, which cost such a build 80 MB while
 * drawing). Writing makes one element's text at a time and packs it at once.
 */

import type { ObjectMaker } from './object-streams.js';
import type { StructNode, StructPath, StructType } from './types.js';

/** pdfkit's indirect object, as far as the tree uses it. */
interface PdfRef {
  id: number;
  data: Record<string, unknown>;
}

/**
 * Elements whose single paragraph is read as their own content: a table cell or list body
 * holding one paragraph needs no P of its own (fewer objects, the same reading).
 */
const TAKES_OWN_PARAGRAPH = new Set<StructType>(['TH', 'TD', 'LBody']);

/** No element or kid: the end of a list. */
const NONE = -1;

/** A growable column of 32-bit integers. */
class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  get(index: number): number {
    return this.data[index]!;
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** Appends `value`; returns its index. */
  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }
}

/**
 * The structure tree of one document. Elements are numbered in the order they are made, the
 * document's own element first; each element's kids are a linked list of kid entries, each an
 * element (page NONE, value its number), marked content (a page, value its id) or an annotation
 * (a page, value -1 - its index in `annotationRefs`).
 */
export class StructureTree {
  /** Per element: its node (null for the document). */
  private readonly nodes: (StructNode | null)[] = [null];
  /** Per element: its first and last kid entry. */
  private readonly firstKid = new IntColumn();
  private readonly lastKid = new IntColumn();
  /** Per node key: its element + 1 (0: not made yet). */
  private readonly byKey = new IntColumn();
  /** Per kid entry: the next kid of the same element, its page and its value. */
  private readonly kidNext = new IntColumn();
  private readonly kidPage = new IntColumn();
  private readonly kidValue = new IntColumn();
  /** Per page: the next marked-content id. */
  private readonly mcids: number[] = [];
  private readonly pageRefs: PdfRef[] = [];
  private readonly annotationRefs: PdfRef[] = [];

  /** `pageCount`: annotation keys in the parent tree follow the pages'. */
  constructor(private readonly pageCount: number) {
    this.firstKid.push(NONE);
    this.lastKid.push(NONE);
  }

  /** Starts the next page: its content joins the tree through its StructParents key. */
  startPage(page: PdfRef): void {
    const index = this.pageRefs.length;
    this.pageRefs.push(page);
    this.mcids.push(0);
    page.data.StructParents = index;
    // Tab order follows the structure (PDF/UA 7.18.3).
    page.data.Tabs = 'S';
  }

  /** The element `path` ends at, made (with any missing parents) when first named. */
  element(path: StructPath): number {
    let parent = 0;
    for (const node of path) {
      while (this.byKey.length <= node.key) this.byKey.push(0);
      let element = this.byKey.get(node.key) - 1;
      if (element === NONE) {
        element = this.nodes.push(node) - 1;
        this.firstKid.push(NONE);
        this.lastKid.push(NONE);
        this.byKey.set(node.key, element + 1);
        this.addKid(parent, NONE, element);
      }
      parent = element;
    }
    return parent;
  }

  /** A new marked-content id on the current page for content of `path`'s element. */
  content(path: StructPath): number {
    const page = this.pageRefs.length - 1;
    const mcid = this.mcids[page]!++;
    this.addKid(this.element(path), page, mcid);
    return mcid;
  }

  /**
   * The StructParent key the next annotation must carry, made before `addAnnotation` (pdfkit
   * writes an annotation as soon as it is made).
   */
  get nextAnnotationKey(): number {
    return this.pageCount + this.annotationRefs.length;
  }

  /** An annotation on the current page, made with `nextAnnotationKey`, that belongs to `path`'s element. */
  addAnnotation(path: StructPath, annotation: PdfRef): void {
    const index = this.annotationRefs.length;
    this.annotationRefs.push(annotation);
    this.addKid(this.element(path), this.pageRefs.length - 1, -1 - index);
  }

  private addKid(element: number, page: number, value: number): void {
    const kid = this.kidNext.push(NONE);
    this.kidPage.push(page);
    this.kidValue.push(value);
    const last = this.lastKid.get(element);
    if (last === NONE) this.firstKid.set(element, kid);
    else this.kidNext.set(last, kid);
    this.lastKid.set(element, kid);
  }

  /**
   * Writes the elements and the parent tree; returns the StructTreeRoot for the catalogue,
   * which pdfkit writes when the document ends.
   * Objects are numbered in tree order, so the same document gives the same object numbers;
   * each is written as soon as it is made, as text (`elementText`).
   */
  write(refs: ObjectMaker): PdfRef {
    this.collapseParagraphs(0);
    const treeRoot = refs.ref({ Type: 'StructTreeRoot' });
    // Every element's object number, in tree order from the document's: kids name theirs
    // before they are written.
    const order: number[] = [];
    this.treeOrder(0, order);
    const objectNumbers = new Int32Array(this.nodes.length);
    const reserved = refs.reserve(order.length);
    // Index loops here and below: `entries()` makes a pair for each of thousands of elements.
    for (let i = 0; i < order.length; i++) objectNumbers[order[i]!] = treeRoot.id + 1 + i;
    const names = new ElementNames(objectNumbers, objectNumberClass(treeRoot));
    const parents = new Int32Array(this.nodes.length);
    const byPage: object[][] = [];
    for (const count of this.mcids) byPage.push(new Array<object>(count));
    const byAnnotation = new Array<object>(this.annotationRefs.length);
    for (const element of order) {
      let pg = NONE;
      for (let kid = this.firstKid.get(element); kid !== NONE && pg === NONE; kid = this.kidNext.get(kid)) {
        pg = this.kidPage.get(kid);
      }
      const k: string[] = [];
      for (let kid = this.firstKid.get(element); kid !== NONE; kid = this.kidNext.get(kid)) {
        const page = this.kidPage.get(kid);
        const value = this.kidValue.get(kid);
        if (page === NONE) {
          parents[value] = element;
          k.push(`${objectNumbers[value]} 0 R`);
        } else if (value >= 0) {
          byPage[page]![value] = names.of(element);
          k.push(
            page === pg ? String(value) : `<<\n/Type /MCR\n/Pg ${this.pageRefs[page]!.id} 0 R\n/MCID ${value}\n>>`,
          );
        } else {
          byAnnotation[-1 - value] = names.of(element);
          const annotation = this.annotationRefs[-1 - value]!.id;
          k.push(`<<\n/Type /OBJR\n/Obj ${annotation} 0 R\n/Pg ${this.pageRefs[page]!.id} 0 R\n>>`);
        }
      }
      const parent = element === 0 ? treeRoot.id : objectNumbers[parents[element]!]!;
      reserved.pack(elementText(this.nodes[element] ?? null, parent, pg === NONE ? NONE : this.pageRefs[pg]!.id, k));
    }
    const nums: unknown[] = [];
    for (let page = 0; page < byPage.length; page++) nums.push(page, byPage[page]);
    for (let i = 0; i < byAnnotation.length; i++) nums.push(this.pageCount + i, byAnnotation[i]);
    Object.assign(treeRoot.data, {
      K: names.of(0),
      ParentTree: { Nums: nums },
      ParentTreeNextKey: this.nextAnnotationKey,
    });
    // Not ended here: pdfkit ends the catalogue's StructTreeRoot (and MarkInfo) itself.
    return treeRoot;
  }

  /** `element` and the elements under it, in tree order, appended to `order`. */
  private treeOrder(element: number, order: number[]): void {
    order.push(element);
    // The element kids, in order (content kids name a page). Loops, not a generator: a generator
    // for each element of a guide's tree was ~0.3 MB of garbage a firm.
    for (let kid = this.firstKid.get(element); kid !== NONE; kid = this.kidNext.get(kid)) {
      if (this.kidPage.get(kid) === NONE) this.treeOrder(this.kidValue.get(kid), order);
    }
  }

  /** A cell or list body with a single paragraph takes the paragraph's content as its own. */
  private collapseParagraphs(element: number): void {
    for (let kid = this.firstKid.get(element); kid !== NONE; kid = this.kidNext.get(kid)) {
      if (this.kidPage.get(kid) === NONE) this.collapseParagraphs(this.kidValue.get(kid));
    }
    const only = this.firstKid.get(element);
    const type = this.nodes[element]?.type;
    if (
      type !== undefined &&
      TAKES_OWN_PARAGRAPH.has(type) &&
      only !== NONE &&
      this.kidNext.get(only) === NONE &&
      this.kidPage.get(only) === NONE &&
      this.nodes[this.kidValue.get(only)]?.type === 'P'
    ) {
      const paragraph = this.kidValue.get(only);
      this.firstKid.set(element, this.firstKid.get(paragraph));
      this.lastKid.set(element, this.lastKid.get(paragraph));
    }
  }
}

/**
 * An element's dictionary, as pdfkit's `PDFObject.convert` writes the one it would be given
 * (`S`, `P`, `Pg` when it has content, `Alt`, `A`, `K`): each entry on a line of its own, objects
 * by number. Written here rather than made as objects for pdfkit to write, one for each of
 * thousands of elements: pdfkit's writing asks every value what class it is (~2 ms of each
 * firm's guide, 15 ms of the sample's), and each element was an object of pdfkit's as well.
 * Unencrypted, as pdfkit writes a string in a document without a password, which guide never
 * sets. `pg` is NONE for an element without content of its own; `kids` are written already.
 */
export function elementText(node: StructNode | null, parent: number, pg: number, kids: readonly string[]): string {
  let text = `<<\n/S /${node?.type ?? 'Document'}\n/P ${parent} 0 R`;
  if (pg !== NONE) text += `\n/Pg ${pg} 0 R`;
  if (node?.alt !== undefined) text += `\n/Alt ${pdfString(node.alt)}`;
  if (node?.scope !== undefined) text += `\n/A <<\n/O /Table\n/Scope /${node.scope}\n>>`;
  return `${text}\n/K [${kids.join(' ')}]\n>>`;
}

/** What pdfkit escapes in a string's bytes (its own `escapableRe`; `\b` is backspace in a class). */
const ESCAPED = /[\n\r\t\b\f()\\]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
  '\\': '\\\\',
  '(': '\\(',
  ')': '\\)',
};

/**
 * A text string as pdfkit writes one: its bytes (ASCII as it is, else UTF-16BE after a byte
 * order mark) as a literal string, one character a byte, with what would end or break it escaped.
 */
function pdfString(text: string): string {
  let bytes = text;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      bytes = Buffer.from(`\ufeff${text}`, 'utf16le').swap16().toString('latin1');
      break;
    }
  }
  return `(${bytes.replace(ESCAPED, (char) => ESCAPES[char]!)})`;
}

/**
 * What names each element in other objects: one name per element, kept for the parent tree. A
 * class made once and an `ObjectNumber` class for the process, not closures and a class per
 * document: see "Code kept optimized" in docs/decisions.md.
 */
class ElementNames {
  private readonly named: (object | undefined)[];

  constructor(
    private readonly objectNumbers: Int32Array,
    private readonly ObjectNumber: new (id: number) => object,
  ) {
    this.named = new Array<object | undefined>(objectNumbers.length);
  }

  of(element: number): object {
    return (this.named[element] ??= new this.ObjectNumber(this.objectNumbers[element]!));
  }
}

/** The class made for each of pdfkit's reference classes (one, in practice), kept for the process. */
const objectNumberClasses = new WeakMap<object, new (id: number) => object>();

/**
 * References by object number alone, for naming elements written before or after the one that
 * names them without keeping their objects: pdfkit writes any of its abstract references (the
 * base class of `sample`'s) as what `toString` returns.
 */
function objectNumberClass(sample: PdfRef): new (id: number) => object {
  const AbstractReference = Object.getPrototypeOf(sample.constructor) as new () => object;
  let ObjectNumber = objectNumberClasses.get(AbstractReference);
  if (ObjectNumber === undefined) {
    ObjectNumber = class ObjectNumber extends AbstractReference {
      constructor(readonly id: number) {
        super();
      }
      override toString(): string {
        return `${this.id} 0 R`;
      }
    };
    objectNumberClasses.set(AbstractReference, ObjectNumber);
  }
  return ObjectNumber;
}
