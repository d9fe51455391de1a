/**
 * What a build reads besides the measures: the templates folder (templates and theme.yaml) and
 * the font files the theme names. Fonts are read once per process and shared.
 */

import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  statSync,
  type BigIntStats,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { GuideInputError } from '../errors.js';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import { knownSha256, knowSha256, sha256OfReadOnly } from '../hash.js';
import { catalogueMessages } from '../messages/catalogue.js';
import { ioMessages as say } from '../messages/io.js';
import { schemaMessages } from '../messages/schema.js';
import { closestMatch } from '../schema/did-you-mean.js';
import { realPathOutside } from './edition-links.js';
import { seeInput, seeInputs, statPrint } from './inputs-seen.js';
import type { TemplateSources } from '../template/render.js';
import type { FontSource } from '../writers/pdf/fonts.js';
import { tableDirectory, type PartlyRead } from '../writers/pdf/sfnt.js';

export interface TemplateFolder {
  sources: TemplateSources;
  /** theme.yaml's path (relative to the edition folder) and text, when present. */
  theme?: { file: string; text: string };
  /** Entries named like a template or theme.yaml that could not be read (a folder, a pipe). */
  diagnostics: Diagnostic[];
}

const templateSuffix = '.md.hbs';
/** The letter `guide mail` sends: plain text, not Markdown, so named apart from the guide's templates. */
export const mailTemplateNames = ['mail.subject', 'mail.text', 'mail.html'] as const;

function guideTemplateName(file: string): string | undefined {
  return file.endsWith(templateSuffix) ? file.slice(0, -templateSuffix.length) : undefined;
}

function mailTemplateName(file: string): string | undefined {
  const name = file.endsWith('.hbs') ? file.slice(0, -'.hbs'.length) : undefined;
  return (mailTemplateNames as readonly (string | undefined)[]).includes(name) ? name : undefined;
}
const themeName = 'theme.yaml';

/**
 * Reads `<dir>/*.md.hbs` (each a template named by its file name) and `<dir>/theme.yaml`. Paths in
 * the result are relative to `root`, as diagnostics show them. Only regular files are read: a
 * folder or a named pipe with a template's name is reported, never read (a pipe would wait forever).
 * Links are followed as for measure files: a template reached through a link leading out of
 * `root` is reported and not read, unless `outside` is allowed. With `kind` `mail`, reads the
 * letter `guide mail` sends instead (`mail.subject.hbs`, `mail.text.hbs`, `mail.html.hbs`).
 */
export function readTemplateFolder(
  root: string,
  dir: string,
  outside: boolean,
  kind: 'guide' | 'mail' = 'guide',
): TemplateFolder {
  const absolute = path.resolve(root, dir);
  const relative = (name: string) => path.relative(root, path.join(absolute, name)).split(path.sep).join('/');
  const sources: TemplateSources = {};
  const diagnostics: Diagnostic[] = [];
  let names: string[];
  seeInput(absolute);
  try {
    names = readdirSync(absolute).sort();
  } catch (error) {
    // No folder means guide's own templates (checkTemplatesFolder says when one was named); one
    // that cannot be read is said, never quietly replaced by them.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      const folder = path.relative(root, absolute).split(path.sep).join('/') || '.';
      diagnostics.push(
        diagnostic('E-TEMPLATE', say.templateUnreadable({ name: folder, reason: code ?? String(error) }), {
          file: folder,
          hint: say.templateUnreadableHint(),
        }),
      );
    }
    return { sources, diagnostics };
  }
  const read = (name: string): string | undefined => {
    const file = relative(name);
    seeInput(path.join(absolute, name));
    const problem = (message: string, hint: string) =>
      void diagnostics.push(diagnostic(name === themeName ? 'E-THEME' : 'E-TEMPLATE', message, { file, hint }));
    const target = outside ? undefined : realPathOutside(root, path.join(absolute, name));
    if (target !== undefined) {
      diagnostics.push(
        diagnostic('E-PATH-OUTSIDE', catalogueMessages.linkOutside({ file, target }), {
          file,
          hint: catalogueMessages.outsideHint(),
        }),
      );
      return undefined;
    }
    try {
      // stat, not lstat: a link to a template file is fine; what it points to must be a file.
      if (!statSync(path.join(absolute, name)).isFile()) {
        problem(say.notAFile({ name }), say.notAFileHint({ suffix: templateSuffix, theme: themeName }));
        return undefined;
      }
      return readFileSync(path.join(absolute, name), 'utf8');
    } catch (error) {
      problem(
        say.templateUnreadable({ name, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
        say.templateUnreadableHint(),
      );
      return undefined;
    }
  };
  for (const name of names) {
    const template = kind === 'guide' ? guideTemplateName(name) : mailTemplateName(name);
    if (template === undefined) continue;
    const text = read(name);
    if (text !== undefined) sources[template] = { file: relative(name), text };
  }
  const themeText = kind === 'guide' && names.includes(themeName) ? read(themeName) : undefined;
  return {
    sources,
    ...(themeText !== undefined ? { theme: { file: relative(themeName), text: themeText } } : {}),
    diagnostics,
  };
}

/**
 * The templates folder guide.yaml names, checked when the edition is loaded: a `templates:` line
 * naming no folder is an error at its value (with the folder meant, when one is close), never a
 * silent switch to guide's own templates; without the line, or with the default `templates`, a
 * missing `templates/` means guide's own. A folder that is a link leading out of the edition folder is refused unless `outside`.
 * `written` gives the place of the `templates:` line, undefined when there is none; it is asked
 * only when there is something to say.
 */
export function checkTemplatesFolder(
  root: string,
  dir: string,
  written: () => { file: string; range: Range } | undefined,
  outside: boolean,
): Diagnostic[] {
  const absolute = path.resolve(root, dir);
  seeInput(absolute);
  const kind = statSync(absolute, { throwIfNoEntry: false });
  if (kind?.isDirectory()) {
    const target = outside ? undefined : realPathOutside(root, absolute);
    if (target === undefined) return [];
    return [
      diagnostic('E-PATH-OUTSIDE', catalogueMessages.linkOutside({ file: dir, target }), {
        ...(written() ?? { file: dir }),
        hint: catalogueMessages.outsideHint(),
      }),
    ];
  }
  const at = written();
  const place = at ?? { file: dir };
  // `templates: templates` missing is guide's own, as init's guide.yaml says ("delete the folder").
  if (!at || path.posix.normalize(dir.replace(/\\/g, '/')).replace(/\/$/, '') === 'templates') return [];
  if (kind) {
    return [
      diagnostic('E-TEMPLATES-MISSING', catalogueMessages.templatesNotFolder({ value: dir }), {
        ...place,
        hint: catalogueMessages.templatesMissingHint(),
      }),
    ];
  }
  let folders: string[] = [];
  seeInput(path.dirname(absolute));
  try {
    folders = readdirSync(path.dirname(absolute), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name);
  } catch {
    // no parent folder either: nothing to suggest
  }
  const meant = closestMatch(path.basename(absolute), folders);
  const suggestion = meant !== undefined ? path.join(path.dirname(dir), meant).split(path.sep).join('/') : undefined;
  return [
    diagnostic(
      'E-TEMPLATES-MISSING',
      catalogueMessages.templatesMissing({ value: dir }) +
        (suggestion !== undefined ? schemaMessages.didYouMean({ name: suggestion }) : ''),
      { ...place, hint: catalogueMessages.templatesMissingHint() },
    ),
  ];
}

/** The templates and theme bundled with guide, used when an edition has no templates folder. */
export const bundledTemplatesDir = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('../../package.json')),
  'templates',
);

/**
 * The mail templates of the edition's templates folder, each one it lacks taken from guide's own
 * (an edition made before `guide mail` needs no new file to use it).
 */
export function readMailTemplates(
  root: string,
  edition: { templates: string; allow_outside: boolean },
): { sources: TemplateSources; diagnostics: Diagnostic[] } {
  const own = readTemplateFolder(root, edition.templates, edition.allow_outside, 'mail');
  const sources: TemplateSources = { ...own.sources };
  const missing = mailTemplateNames.filter((name) => !Object.hasOwn(sources, name));
  if (missing.length > 0) {
    const bundled = readTemplateFolder(root, path.relative(root, bundledTemplatesDir), true, 'mail');
    for (const name of missing) if (bundled.sources[name]) sources[name] = bundled.sources[name];
  }
  return { sources, diagnostics: own.diagnostics };
}

let srgb: Uint8Array | undefined;

/**
 * The sRGB IEC 61966-2.1 ICC profile (3 KB) of PDF/A's output intent: the one pdfkit ships for
 * the same purpose, read once per process.
 */
export function srgbProfile(): Uint8Array {
  return (srgb ??= readFileSync(
    path.join(path.dirname(createRequire(import.meta.url).resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'),
  ));
}

/** Bytes of a font file read in part are read in blocks of this size, as they are asked for. */
const FONT_BLOCK = 4096;
/** One buffer the digests of font files not held whole are made through (`sha256InChunks`). */
let hashChunk: Buffer | undefined;

/**
 * The SHA-256 (hex) of what `read` puts into the chunk it is given, call by call until it puts
 * nothing: a 7 MB font hashed through one buffer, not read whole into new memory.
 */
function sha256InChunks(read: (chunk: Buffer) => number): string {
  const hash = createHash('sha256');
  const chunk = (hashChunk ??= Buffer.allocUnsafe(1 << 20));
  for (let length = read(chunk); length > 0; length = read(chunk)) hash.update(chunk.subarray(0, length));
  return hash.digest('hex');
}

/**
 * A font file open for the life of the process, its bytes read as they are asked for: its table
 * directory and every table but the glyph data when opened, the glyphs a subset copies when it
 * does (`read`), the whole file for fontkit and for a batch's threads (`whole`). The sample's
 * guide draws ~900 of Noto Sans TC's 65,000 glyphs, and its tables but glyf are 0.4 MB of the
 * 7 MB file: reading the whole file into new memory took ~21 ms a face, most of it the system
 * giving the process pages it had not touched. The file stays open, so every part is read from
 * the same file, also when another is put in its place (renamed over it) or it is deleted; one
 * written to since it was opened (its size or time of change differ) is refused when a part is
 * read or the digest made (E-THEME-FONT), as what was made of it so far belongs to other bytes,
 * and let go: a build after opens the file as it is then.
 */
class FontFileBytes implements PartlyRead {
  /**
   * As long as the file, in memory every thread can read (a batch's worker threads draw from
   * these same bytes once they are whole): its tables but glyf as it is opened, the rest once
   * `whole` reads it.
   */
  readonly bytes: Buffer;
  /** 1 for each block not read yet; undefined once the whole file is. */
  private unread: Uint8Array | undefined;
  private blocksLeft = 0;
  private known: string | undefined;

  private constructor(
    /** The path the theme names it by, for messages. */
    private readonly name: string,
    /** The file found, which the build cache keeps its digest by. */
    private readonly file: string,
    bytes: Buffer,
    /** Open until the whole file is read. */
    private fd: number | undefined,
    /** What `fstat` said as the file was opened (`statPrint`). */
    private readonly stat: BigIntStats | undefined,
  ) {
    this.bytes = bytes;
  }

  /** Opens the file `name` leads to: reads its directory and tables but glyf. Throws E-THEME-FONT when it cannot. */
  static open(file: string, name: string): FontFileBytes {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const stat = fstatSync(fd, { bigint: true });
      if (stat.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
      const opened = new FontFileBytes(name, file, Buffer.from(new SharedArrayBuffer(Number(stat.size))), fd, stat);
      // The file is the object's to close: once it is read whole (an empty one now), or now
      // when its tables cannot be read.
      fd = undefined;
      if (opened.bytes.length === 0) opened.close();
      else {
        opened.unread = new Uint8Array(Math.ceil(opened.bytes.length / FONT_BLOCK)).fill(1);
        opened.blocksLeft = opened.unread.length;
        try {
          opened.readTables();
        } catch (error) {
          opened.close();
          throw error;
        }
      }
      return opened;
    } catch (error) {
      throw error instanceof GuideInputError ? error : fontFileError(name, error);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** A whole file's bytes that another thread read, with their digest when it made one. */
  static shared(bytes: Buffer, digest: string | undefined): FontFileBytes {
    if (digest !== undefined) knowSha256(bytes, digest);
    return new FontFileBytes('', '', bytes, undefined, undefined);
  }

  /**
   * Reads the table directory and each table it names but glyf. A file whose directory cannot be
   * read so (not an sfnt font, a table past its end) is read whole: fontkit reads it.
   */
  private readTables(): void {
    this.fill([0, 12]);
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const count = this.bytes.length >= 12 ? view.getUint16(4) : 0;
    this.fill([12, 12 + 16 * count]);
    const tables = tableDirectory(this.bytes);
    if (tables === undefined) {
      this.whole();
      return;
    }
    const ranges: number[] = [];
    for (const [tag, record] of Object.entries(tables)) {
      if (tag !== 'glyf' && record) ranges.push(record.offset, record.offset + record.length);
    }
    this.fill(ranges);
  }

  /**
   * The parts of the file `ranges` names (pairs of start and end, one after another), one after
   * another in an array of their own: a subset's glyphs, read without touching the memory of
   * the 7 MB they lie in (this machine gives a page of it in ~35 µs when a read fills it, and the
   * sample's glyphs lie in ~500 of them; their data is 60). Parts that follow each other in the
   * file are read at once. Throws E-THEME-FONT when the file changed since it was opened.
   */
  read(ranges: readonly number[]): Uint8Array {
    let total = 0;
    for (let i = 0; i + 1 < ranges.length; i += 2) total += partLength(ranges, i, this.bytes.length);
    const out = new Uint8Array(total);
    if (this.unread === undefined) {
      for (let i = 0, at = 0; i + 1 < ranges.length; at += partLength(ranges, i, this.bytes.length), i += 2)
        out.set(this.bytes.subarray(ranges[i]!, ranges[i]! + partLength(ranges, i, this.bytes.length)), at);
      return out;
    }
    this.checkUnchanged();
    for (let i = 0, at = 0; i + 1 < ranges.length;) {
      const start = ranges[i]!;
      let length = partLength(ranges, i, this.bytes.length);
      for (i += 2; i + 1 < ranges.length && ranges[i] === start + length; i += 2)
        length += partLength(ranges, i, this.bytes.length);
      for (let done = 0; done < length;) done += this.readAt(out, at + done, length - done, start + done);
      at += length;
    }
    this.checkUnchanged();
    return out;
  }

  /** Reads the parts of the file `ranges` names (as for `read`) into `bytes`, where not read yet. */
  private fill(ranges: readonly number[]): void {
    const unread = this.unread;
    if (unread === undefined) return;
    const wanted: number[] = [];
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      const last = Math.min(Math.ceil(ranges[i + 1]! / FONT_BLOCK), unread.length) - 1;
      for (let block = Math.floor(ranges[i]! / FONT_BLOCK); block <= last; block++) {
        if (unread[block] === 1) wanted.push(block);
      }
    }
    if (wanted.length === 0) return;
    // In file order, each block once (ranges may share one).
    wanted.sort(ascending);
    this.checkUnchanged();
    for (let i = 0; i < wanted.length;) {
      let last = i;
      while (last + 1 < wanted.length && wanted[last + 1]! <= wanted[last]! + 1) last++;
      this.readBlocks(wanted[i]!, wanted[last]!);
      i = last + 1;
    }
    this.checkUnchanged();
    if (this.blocksLeft === 0) {
      this.unread = undefined;
      this.close();
    }
  }

  private close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** The whole file's bytes, read now where they are not yet. */
  whole(): Buffer {
    this.fill([0, this.bytes.length]);
    return this.bytes;
  }

  /** Its SHA-256 when this thread has made it, or the thread that read it. */
  get knownDigest(): string | undefined {
    return this.known ?? (this.unread === undefined ? knownSha256(this.bytes) : undefined);
  }

  /**
   * SHA-256 (hex) of the file. With `store` (the build cache), taken from it by the file's print
   * (`keptDigest`), or kept there unless the file changed in the last two seconds. A file read in
   * part is hashed through a buffer of its own, not read whole into new memory.
   */
  digest(store?: EntryStore): string {
    if (this.known !== undefined) return this.known;
    const kept = store && this.stat ? keptDigest(store, this.file, this.stat) : undefined;
    if (kept !== undefined) return (this.known = kept);
    let digest: string;
    if (this.unread === undefined) digest = sha256OfReadOnly(this.bytes);
    else {
      let at = 0;
      digest = sha256InChunks((chunk) => {
        const read =
          at < this.bytes.length ? this.readAt(chunk, 0, Math.min(chunk.length, this.bytes.length - at), at) : 0;
        at += read;
        return read;
      });
      this.checkUnchanged();
    }
    if (store && this.stat && !changedLately(this.stat))
      setJson(store, entryKey('font-digest', this.file, statPrint(this.stat)), digest);
    return (this.known = digest);
  }

  private readBlocks(first: number, last: number): void {
    const from = first * FONT_BLOCK;
    const to = Math.min(this.bytes.length, (last + 1) * FONT_BLOCK);
    for (let at = from; at < to;) at += this.readAt(this.bytes, at, to - at, at);
    this.unread!.fill(0, first, last + 1);
    this.blocksLeft -= last + 1 - first;
  }

  /** Reads at `position` into `into`; a file shorter than when it was opened has changed. */
  private readAt(into: Uint8Array, offset: number, length: number, position: number): number {
    let read: number;
    try {
      read = readSync(this.fd!, into, offset, length, position);
    } catch (error) {
      throw fontFileError(this.name, error);
    }
    if (read === 0) throw this.changed();
    return read;
  }

  /**
   * Throws E-THEME-FONT when the open file was written to since it was opened. Its size and time
   * of change say so; the time its entry changed (a rename over it, a deletion, a change of mode)
   * does not, as the bytes read are still those of the file opened.
   */
  private checkUnchanged(): void {
    let now: BigIntStats;
    try {
      now = fstatSync(this.fd!, { bigint: true });
    } catch (error) {
      throw fontFileError(this.name, error);
    }
    if (now.size !== this.stat!.size || now.mtimeNs !== this.stat!.mtimeNs) throw this.changed();
  }

  /** The error for a file written to while in use, which is let go: a build after opens it anew. */
  private changed(): GuideInputError {
    if (fontCache.get(this.file) === this) fontCache.delete(this.file);
    return new GuideInputError([
      diagnostic('E-THEME-FONT', say.fontUnusable({ name: this.name, why: say.itChanged() }), {
        hint: say.runAgainHint(),
      }),
    ]);
  }
}

const fontCache = new Map<string, FontFileBytes>();

const ascending = (a: number, b: number) => a - b;

/** The length of the part at `i` of `ranges` (pairs of start and end) within a file of `size` bytes. */
const partLength = (ranges: readonly number[], i: number, size: number) =>
  Math.max(0, Math.min(ranges[i + 1]!, size) - ranges[i]!);

/** The font file `name` leads to, opened once per process (`FontFileBytes`). Throws E-THEME-FONT when it cannot be. */
function openFontFile(root: string, name: string): FontFileBytes {
  const file = fontFilePath(root, name);
  // By the file found: two editions may name different files alike ("fonts/guide.ttf").
  let opened = fontCache.get(file);
  if (opened === undefined) fontCache.set(file, (opened = FontFileBytes.open(file, name)));
  return opened;
}

/** The digest `store` keeps for the file of this print, unless it changed in the last two seconds. */
function keptDigest(store: EntryStore, file: string, stat: BigIntStats): string | undefined {
  if (changedLately(stat)) return undefined;
  const kept = getJson(store, entryKey('font-digest', file, statPrint(stat)));
  return typeof kept === 'string' && /^[0-9a-f]{64}$/.test(kept) ? kept : undefined;
}

/**
 * Whether a file changed in the last two seconds: its times may not tell a change made right
 * after it was read (file systems keep them to a few ms, some to the second), so its digest is
 * not kept by them.
 */
const changedLately = (stat: BigIntStats) => Date.now() - Number(stat.ctimeMs) < 2000;

/**
 * A font file the theme names, as a build opens it: its digest and first bytes at once, its
 * tables and glyphs when a face first needs them. With the build cache, a rebuild needs them only
 * for what the cache lacks (a character never looked up, a subset never made): its lookups, facts
 * and subsets are kept by the digest, which the cache keeps by the file's print (hashing a 7 MB
 * font took 9 ms of every build).
 */
export class FontFile implements FontSource {
  private constructor(
    private readonly root: string,
    private readonly name: string,
    private readonly store: EntryStore | undefined,
    private opened: FontFileBytes | undefined,
    private readonly cachedDigest: string | undefined,
    /** Its first four bytes (fewer in a shorter file): what kind of file it is. */
    readonly signature: Uint8Array,
  ) {}

  /** Opens `name`: its tables are read now unless `store` gives its digest. Throws E-THEME-FONT when it cannot be. */
  static open(root: string, name: string, store?: EntryStore): FontFile {
    const kept = store ? unreadFont(root, name, store) : undefined;
    if (kept) return new FontFile(root, name, store, undefined, kept.digest, kept.signature);
    const opened = openFontFile(root, name);
    return new FontFile(root, name, store, opened, undefined, opened.bytes.subarray(0, 4));
  }

  /** SHA-256 (hex) of its bytes. */
  get digest(): string {
    return this.cachedDigest ?? this.file().digest(this.store);
  }

  /** The whole file. Throws as `tables` does. */
  bytes(): Uint8Array {
    return this.file().whole();
  }

  /**
   * The file with its tables read but glyph data, read as asked for. Throws E-THEME-FONT when
   * the file is not that of the digest the build cache gave: it changed since it was opened,
   * and what the build made of it so far belongs to the other bytes.
   */
  tables(): PartlyRead {
    return this.file();
  }

  private file(): FontFileBytes {
    if (this.opened === undefined) {
      const opened = openFontFile(this.root, this.name);
      if (opened.digest(this.store) !== this.cachedDigest) {
        throw new GuideInputError([
          diagnostic('E-THEME-FONT', say.fontUnusable({ name: this.name, why: say.itChanged() }), {
            hint: say.runAgainHint(),
          }),
        ]);
      }
      this.opened = opened;
    }
    return this.opened;
  }
}

/**
 * The digest `store` keeps for the font file `name` and its first bytes, without reading the
 * rest; undefined when the file was opened already, the store lacks its print, or it cannot be
 * opened (`FontFile.open` then says why).
 */
function unreadFont(
  root: string,
  name: string,
  store: EntryStore,
): { digest: string; signature: Uint8Array } | undefined {
  const file = fontFilePath(root, name);
  if (fontCache.has(file)) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd, { bigint: true });
    const digest = stat.isFile() ? keptDigest(store, file, stat) : undefined;
    if (digest === undefined) return undefined;
    const signature = new Uint8Array(4);
    return { digest, signature: signature.subarray(0, readSync(fd, signature, 0, 4, 0)) };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A font file this thread has read: its bytes (shared memory) and its SHA-256 once known. */
export interface FontFileRead {
  bytes: Uint8Array;
  digest: string | undefined;
}

/**
 * The font files this thread has opened, by path, read whole into memory other threads can
 * share. Throws E-THEME-FONT when one was written to since it was opened.
 */
export function fontFilesRead(): ReadonlyMap<string, FontFileRead> {
  readOpenFontFilesWhole();
  const read = new Map<string, FontFileRead>();
  for (const [file, opened] of fontCache) read.set(file, { bytes: opened.bytes, digest: opened.knownDigest });
  return read;
}

/**
 * Reads the rest of every font file this thread has opened, and closes it: what this thread
 * builds after draws from the bytes read now, however the files change. Throws E-THEME-FONT when
 * one was written to since it was opened.
 */
export function readOpenFontFilesWhole(): void {
  for (const opened of [...fontCache.values()]) opened.whole();
}

/**
 * Font files another thread read (`fontFilesRead`): this thread uses their bytes, not its own
 * copy, and their digests, not its own hashing (9 ms of a 7 MB font).
 */
export function useFontFiles(files: ReadonlyMap<string, FontFileRead>): void {
  for (const [file, { bytes, digest }] of files) {
    // A thread receives plain views of the shared memory; fontkit reads fonts as Buffers.
    fontCache.set(file, FontFileBytes.shared(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), digest));
  }
}

/**
 * The parts of a font file that say which characters it has: its table directory and the tables
 * named by `tags`, in an array as long as the file with zeros elsewhere. Checking characters needs
 * a few hundred kilobytes of a 7 MB font. Throws as `FontFile.open` does.
 */
export function readFontTables(root: string, name: string, tags: readonly string[]): Uint8Array {
  const file = fontFilePath(root, name);
  // A file opened already has these tables read (`FontFileBytes`).
  const opened = fontCache.get(file);
  if (opened) return opened.bytes;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    const bytes = new Uint8Array(stat.size);
    const view = new DataView(bytes.buffer);
    const fill = (start: number, length: number) => {
      for (let at = start, end = Math.min(bytes.length, start + length); at < end;) {
        const read = readSync(fd!, bytes, at, end - at, at);
        if (read === 0) break;
        at += read;
      }
    };
    fill(0, 12);
    const count = bytes.length >= 12 ? view.getUint16(4) : 0;
    fill(12, 16 * count);
    for (let entry = 12; entry < 12 + 16 * count && entry + 16 <= bytes.length; entry += 16) {
      if (tags.includes(String.fromCharCode(...bytes.subarray(entry, entry + 4))))
        fill(view.getUint32(entry + 8), view.getUint32(entry + 12));
    }
    return bytes;
  } catch (error) {
    throw fontFileError(name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The SHA-256 (hex) of a font file named in the theme, read in pieces and not kept: a batch hashes
 * every font of the chain, and the fallback faces (20 MB for Noto Sans SC) are seldom drawn from.
 * Throws as `FontFile.open` does.
 */
export function fontFileHash(root: string, name: string): string {
  const file = fontFilePath(root, name);
  const opened = fontCache.get(file);
  if (opened) return opened.digest();
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return sha256InChunks((chunk) => readSync(fd!, chunk));
  } catch (error) {
    throw fontFileError(name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Throws what `FontFile.open` would when the font file is missing or a folder, without reading
 * it: fallback fonts are read only when a guide needs them, but a wrong path is told at once.
 */
export function checkFontFile(root: string, name: string): void {
  const file = fontFilePath(root, name);
  if (fontCache.has(file)) return;
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch (error) {
    throw fontFileError(name, error);
  }
  if (!isFile) throw fontFileError(name, Object.assign(new Error('not a file'), { code: 'EISDIR' }));
}

/**
 * The real path of a font file named by a path in the edition (not a package) when it lies
 * outside the edition folder, through `..` or a link; else undefined.
 */
export function fontFileOutside(root: string, name: string): string | undefined {
  const file = fontFilePath(root, name);
  return file === path.resolve(root, name) ? realPathOutside(root, file) : undefined;
}

/**
 * The font file `name` leads to: in a package where Node finds one (from the edition folder, then
 * from guide's), else in the edition folder.
 */
function fontFilePath(root: string, name: string): string {
  for (const from of [path.join(root, 'noop.js'), fileURLToPath(import.meta.url)]) {
    const require = createRequire(from);
    seeInputs(() => packageLookup(require, from, name));
    try {
      const file = require.resolve(name);
      seeInput(file);
      return file;
    } catch {
      // not in a package seen from there
    }
  }
  const file = path.resolve(root, name);
  seeInput(file);
  return file;
}

/**
 * Where Node looks for the package `name` is in, so a run kept by its inputs sees a package put
 * in front of the one found, or changed: in each node_modules folder it looks in, the package
 * folder, its package.json and the file named; and each package.json from `from` up (Node looks
 * in the nearest for the package's own name first).
 */
function* packageLookup(require: NodeJS.Require, from: string, name: string): Generator<string> {
  // A relative or absolute path is looked for there alone: the file found is noted.
  if (/^\.\.?(?:[\\/]|$)/.test(name) || path.isAbsolute(name)) return;
  const packageName = name
    .split('/')
    .slice(0, name.startsWith('@') ? 2 : 1)
    .join('/');
  for (const folder of require.resolve.paths(name) ?? []) {
    yield path.join(folder, packageName);
    yield path.join(folder, packageName, 'package.json');
    yield path.join(folder, name);
  }
  for (let folder = path.dirname(from); ; folder = path.dirname(folder)) {
    yield path.join(folder, 'package.json');
    if (path.dirname(folder) === folder) return;
  }
}

function fontFileError(name: string, error: unknown): GuideInputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? say.noSuchFile()
      : code === 'EISDIR'
        ? say.itIsAFolder()
        : say.itIsUnreadable({ reason: code ?? String(error) });
  return new GuideInputError([diagnostic('E-THEME-FONT', say.fontUnusable({ name, why }), { hint: say.fontHint() })]);
}
