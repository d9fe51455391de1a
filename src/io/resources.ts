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
  } catch {
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

const fontCache = new Map<string, Uint8Array>();

/**
 * Reads a font file named in the theme: a path inside an npm package ("@expo-google-fonts/…"),
 * or a path relative to the edition folder. Throws `GuideInputError` (E-THEME-FONT) when there is no
 * such file or it cannot be read. With `store` (the build cache), the file's SHA-256 is kept there
 * by the file's print, and taken from it while the print is the same. A process reads each file
 * once: a face opened again (another build of `guide preview`, a batch's worker) gets these bytes.
 */
export function readFontFile(root: string, name: string, store?: EntryStore): Uint8Array {
  const file = fontFilePath(root, name);
  // By the file found: two editions may name different files alike ("fonts/guide.ttf").
  const cached = fontCache.get(file);
  if (cached) return cached;
  let bytes: Uint8Array;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const before = fstatSync(fd, { bigint: true });
    const size = Number(before.size);
    // In memory every thread can read: a batch's worker threads draw from these same bytes.
    bytes = Buffer.from(new SharedArrayBuffer(size));
    let at = 0;
    for (let read = -1; at < size && read !== 0; at += read) read = readSync(fd, bytes, at, size - at, at);
    if (at < size) bytes = bytes.subarray(0, at);
    if (store) keepDigest(store, file, before, fstatSync(fd, { bigint: true }), bytes);
  } catch (error) {
    throw fontFileError(name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  fontCache.set(file, bytes);
  return bytes;
}

/**
 * Takes a font file's SHA-256 from `store`, or keeps it there, by its place and print
 * (`statPrint`). Hashing a font of 7 MB took 9 ms of every build, for the build cache's keys and
 * the manifest. A file that changed while it was read (`before` and `after` differ) is hashed and
 * not kept; so is one changed in the last two seconds, since a change right after the read could
 * leave its times as they were (file systems keep them to a few ms, some to the second).
 */
function keepDigest(store: EntryStore, file: string, before: BigIntStats, after: BigIntStats, bytes: Uint8Array) {
  const print = statPrint(before);
  if (print !== statPrint(after) || changedLately(after)) return;
  const kept = keptDigest(store, file, after);
  if (kept !== undefined) knowSha256(bytes, kept);
  else setJson(store, entryKey('font-digest', file, print), sha256OfReadOnly(bytes));
}

/** The digest `store` keeps for the file of this print, unless it changed in the last two seconds. */
function keptDigest(store: EntryStore, file: string, stat: BigIntStats): string | undefined {
  if (changedLately(stat)) return undefined;
  const kept = getJson(store, entryKey('font-digest', file, statPrint(stat)));
  return typeof kept === 'string' && /^[0-9a-f]{64}$/.test(kept) ? kept : undefined;
}

/** Whether a file changed in the last two seconds: its times may not tell a change made right after. */
const changedLately = (stat: BigIntStats) => Date.now() - Number(stat.ctimeMs) < 2000;

/**
 * A font file the theme names, as a build opens it: its digest and first bytes at once, its bytes
 * when a face first needs them. With the build cache, a rebuild needs them only for what the cache
 * lacks (a character never looked up, a subset never made): its lookups, facts and subsets are
 * kept by the digest, which the cache keeps by the file's print. Reading the two 7 MB faces took
 * ~17 ms of every rebuild.
 */
export class FontFile {
  private constructor(
    private readonly root: string,
    private readonly name: string,
    private readonly store: EntryStore | undefined,
    private loaded: Uint8Array | undefined,
    private readonly cachedDigest: string | undefined,
    /** Its first four bytes (fewer in a shorter file): what kind of file it is. */
    readonly signature: Uint8Array,
  ) {}

  /** Opens `name`: read now unless `store` gives its digest. Throws as `readFontFile` does. */
  static open(root: string, name: string, store?: EntryStore): FontFile {
    const kept = store ? unreadFont(root, name, store) : undefined;
    if (kept) return new FontFile(root, name, store, undefined, kept.digest, kept.signature);
    const bytes = readFontFile(root, name, store);
    return new FontFile(root, name, store, bytes, undefined, bytes.subarray(0, 4));
  }

  /** SHA-256 (hex) of its bytes. */
  get digest(): string {
    return this.cachedDigest ?? sha256OfReadOnly(this.bytes());
  }

  /**
   * Its bytes, read on the first call when its digest came from the build cache. Throws
   * `GuideInputError` when they are not those of that digest: the file changed since it was
   * opened, and what the build made of it so far belongs to the other bytes.
   */
  bytes(): Uint8Array {
    if (this.loaded === undefined) {
      const bytes = readFontFile(this.root, this.name, this.store);
      if (sha256OfReadOnly(bytes) !== this.cachedDigest) {
        throw new GuideInputError([
          diagnostic('E-THEME-FONT', say.fontUnusable({ name: this.name, why: say.itChanged() }), {
            hint: say.runAgainHint(),
          }),
        ]);
      }
      this.loaded = bytes;
    }
    return this.loaded;
  }
}

/**
 * The digest `store` keeps for the font file `name` and its first bytes, without reading the
 * rest; undefined when the file was read already, the store lacks its print, or it cannot be
 * opened (`readFontFile` then says why).
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

/** The font files this thread has read, by path, in memory other threads can share. */
export function fontFilesRead(): ReadonlyMap<string, FontFileRead> {
  return new Map([...fontCache].map(([file, bytes]) => [file, { bytes, digest: knownSha256(bytes) }]));
}

/**
 * Font files another thread read (`fontFilesRead`): this thread uses their bytes, not its own
 * copy, and their digests, not its own hashing (9 ms of a 7 MB font).
 */
export function useFontFiles(files: ReadonlyMap<string, FontFileRead>): void {
  for (const [file, { bytes, digest }] of files) {
    // A thread receives plain views of the shared memory; fontkit reads fonts as Buffers.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    fontCache.set(file, buffer);
    if (digest !== undefined) knowSha256(buffer, digest);
  }
}

/**
 * The parts of a font file that say which characters it has: its table directory and the tables
 * named by `tags`, in an array as long as the file with zeros elsewhere. Checking characters needs
 * a few hundred kilobytes of a 7 MB font. Throws as `readFontFile` does.
 */
export function readFontTables(root: string, name: string, tags: readonly string[]): Uint8Array {
  const file = fontFilePath(root, name);
  const cached = fontCache.get(file);
  if (cached) return cached;
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
 * Throws as `readFontFile` does.
 */
export function fontFileHash(root: string, name: string): string {
  const file = fontFilePath(root, name);
  const cached = fontCache.get(file);
  if (cached) return sha256OfReadOnly(cached);
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } catch (error) {
    throw fontFileError(name, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Throws what `readFontFile` would when the font file is missing or a folder, without reading
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
