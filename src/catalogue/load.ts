/**
 * guide.yaml + measure files → Catalogue, collecting every diagnostic on the way. File access
 * goes through a `SourceReader` (io/ gives the real one, tests give an in-memory one), so this
 * module stays free of fs.
 */

import type { Document, Node } from 'yaml';
import { entryKey, getJson, setJson, type EntryStore } from '../cache-store.js';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { INVALID, type ObjectSchema, type ParseContext } from '../schema/schema-kit.js';
import { editionSchema, measureSchema } from './schema.js';
import { parseYaml } from '../schema/parse-yaml.js';
import { excludedByPattern, isUsablePattern, patternFolders } from './policy-patterns.js';
import { pathReach } from './edition-paths.js';
import { emptyAudienceDiagnostics, placeholderDiagnostics } from './measure-checks.js';
import type { Catalogue, MeasureEntry } from './types.js';
import { catalogueMessages as say } from '../messages/catalogue.js';
import { schemaMessages } from '../messages/schema.js';
import { currentLanguage } from '../messages/language.js';
import { textValues, type TextValue } from '../schema/text-values.js';
import { ParsedDocuments } from './documents.js';

/** Measure files are a few kilobytes; anything this large is a mistake or an attack. */
export const maxSourceBytes = 1024 * 1024;

export type ReadResult =
  | { kind: 'ok'; bytes: Uint8Array }
  | { kind: 'missing' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string }
  /** A link (or a link on the way) leads to `target`, outside the edition folder. */
  | { kind: 'outside'; target: string };

/** Whether links may lead outside the edition folder: guide.yaml's `allow_outside`. */
export interface ReadOptions {
  outside: boolean;
}

/**
 * File access for the loader; paths are relative to the edition folder, with forward slashes.
 * Links are followed where they lead inside the edition folder, or anywhere when `outside` is
 * allowed; a file reached through a link that leads out is read as `outside`, never its bytes.
 */
export interface SourceReader {
  read(path: string, maxBytes: number, options?: ReadOptions): Promise<ReadResult>;
  /**
   * Files matching any of the glob patterns, sorted by code unit (never by locale). A linked
   * folder that leads out of the edition folder is listed itself, so reading it says so.
   */
  list(patterns: readonly string[], options?: ReadOptions): Promise<string[]>;
}

/**
 * YAML files as parsed, by file, with the text they were parsed from: a long-lived process
 * (`guide preview`) parses again only the files whose text changed. The documents are only read.
 */
export type ParsedFiles = Map<string, { text: string; parsed: ReturnType<typeof parseYaml> }>;

export interface LoadResult {
  /** Absent when guide.yaml itself could not be read or is invalid. */
  catalogue?: Catalogue;
  diagnostics: Diagnostic[];
  /** Text of every file read, for code frames and later position look-ups. */
  sources: Map<string, string>;
  /** Parsed YAML of every file read, so rules can point at nodes. */
  documents: ParsedDocuments;
  /** The string scalars of every file that parsed, for the glyph and script checks. */
  texts: Map<string, readonly TextValue[]>;
}

/** What the loader may keep between runs, and where: see `loadCatalogue`. */
export interface CatalogueLoadOptions {
  parsedFiles?: ParsedFiles;
  /** The build cache: guide.yaml and each measure file that load without a word are kept there, as they loaded. */
  store?: EntryStore;
}

/** A file that loaded without a diagnostic, as the build cache keeps it: its value and text values. */
interface CleanFile<T> {
  value: T;
  texts: readonly TextValue[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The legacy encodings a Chinese editor saves in: GB18030/GBK (Simplified Windows) and Big5
 * (Traditional Windows, Taiwan and Hong Kong). Nearly any byte string reads as GB18030, so both
 * are tried and the one whose text looks like Chinese prose wins.
 */
const legacyEncodings = [
  {
    label: 'gb18030',
    decoder: new TextDecoder('gb18030', { fatal: true }),
    hint: say.gb18030Hint,
  },
  {
    label: 'big5',
    decoder: new TextDecoder('big5', { fatal: true }),
    hint: say.big5Hint,
  },
] as const;

/**
 * Characters a measure file seldom holds but a wrong decoding yields by the score: Big5 bytes read
 * as GBK come out as kana, Greek, Cyrillic, box drawing and private-use characters; GBK bytes read
 * as Big5 as rare ideographs outside the basic block and symbols.
 */
function oddCharacters(text: string): number {
  let odd = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    const usual =
      c < 0x80 ||
      (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2010 && c <= 0x206f); // general punctuation
    if (!usual) odd++;
  }
  return odd;
}

/** The legacy encoding the bytes most likely have, with the text read in it. */
function guessLegacyEncoding(bytes: Uint8Array): { text: string; label: string; hint: () => string } | undefined {
  let best: { text: string; label: string; hint: () => string; odd: number } | undefined;
  for (const { label, decoder, hint } of legacyEncodings) {
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      continue;
    }
    const odd = oddCharacters(text);
    // Ties go to GB18030, listed first: mainland offices save in it far more often.
    if (!best || odd < best.odd) best = { text, label, hint, odd };
  }
  return best;
}

/**
 * Bytes → text. A BOM is dropped; invalid UTF-8 is reported at the first bad byte, and when the
 * bytes read as GB18030 (what Notepad on Simplified Chinese Windows saves) or Big5 (Traditional
 * Chinese Windows) the hint says which.
 */
function decodeSource(file: string, bytes: Uint8Array): { text: string; diagnostic?: Diagnostic } {
  const withoutBom = (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  try {
    return { text: withoutBom(utf8.decode(bytes)) };
  } catch {
    // Decode again leniently so the code frame can show where the first bad byte sits.
    const badByte = firstInvalidUtf8Byte(bytes);
    const legacy = guessLegacyEncoding(bytes);
    // Show the code frame in the encoding the file most likely has, so staff see their text.
    const offset = withoutBom(new TextDecoder(legacy?.label ?? 'utf-8').decode(bytes.subarray(0, badByte))).length;
    return {
      text: legacy ? withoutBom(legacy.text) : withoutBom(new TextDecoder('utf-8').decode(bytes)),
      diagnostic: diagnostic('E-ENCODING', say.notUtf8(), {
        file,
        range: [offset, offset + 1],
        hint: legacy ? legacy.hint() : say.notUtf8Hint(),
      }),
    };
  }
}

function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length)); // catches overlongs and surrogates
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

function rangeOfPath(doc: Document, path: (string | number)[]): Range {
  const node = (doc.getIn(path, true) as Node | undefined) ?? (doc.contents as Node | null);
  return node?.range ? [node.range[0], node.range[1]] : [0, 0];
}

/** The text of `file`, or undefined with a diagnostic saying why it cannot be read. */
async function readSource(
  reader: SourceReader,
  file: string,
  result: LoadResult,
  isConfig = false,
  options?: ReadOptions,
): Promise<string | undefined> {
  const read = await reader.read(file, maxSourceBytes, options);
  if (read.kind === 'missing' && isConfig) {
    result.diagnostics.push(
      diagnostic('E-CONFIG-MISSING', say.configMissing({ file }), {
        hint: say.configMissingHint(),
      }),
    );
    return undefined;
  }
  if (read.kind === 'missing') {
    result.diagnostics.push(diagnostic('E-FILE-READ', say.fileMissing({ file }), { file }));
    return undefined;
  }
  if (read.kind === 'unreadable') {
    result.diagnostics.push(diagnostic('E-FILE-READ', say.fileUnreadable({ file, reason: read.reason }), { file }));
    return undefined;
  }
  if (read.kind === 'outside') {
    result.diagnostics.push(
      diagnostic('E-PATH-OUTSIDE', say.linkOutside({ file, target: read.target }), { file, hint: say.outsideHint() }),
    );
    return undefined;
  }
  if (read.kind === 'too-large') {
    result.diagnostics.push(
      diagnostic('E-FILE-TOO-LARGE', say.tooLarge({ size: formatSize(read.size), max: formatSize(maxSourceBytes) }), {
        file,
        hint: say.tooLargeHint(),
      }),
    );
    return undefined;
  }
  const decoded = decodeSource(file, read.bytes);
  result.sources.set(file, decoded.text);
  if (decoded.diagnostic) {
    result.diagnostics.push(decoded.diagnostic);
    return undefined;
  }
  return decoded.text;
}

/** The text of `file` parsed, with its diagnostics; undefined when it cannot be trusted. */
function parseSource(file: string, text: string, result: LoadResult, parsedFiles?: ParsedFiles): Document | undefined {
  const kept = parsedFiles?.get(file);
  const parsed = kept?.text === text ? kept.parsed : parseYaml(file, text);
  parsedFiles?.set(file, { text, parsed });
  result.diagnostics.push(...parsed.diagnostics);
  if (!parsed.doc) return undefined;
  result.documents.set(file, parsed.doc);
  result.texts.set(file, textValues(parsed.doc));
  return parsed.doc;
}

function parseWith<T>(schema: ObjectSchema<T>, context: ParseContext): T | undefined {
  const root = (context.doc.contents as Node | null) ?? null;
  const value = schema.parse(root, context, { path: '', range: [0, 0] });
  return value === INVALID ? undefined : value;
}

/**
 * YAML files in the folders the patterns look in that no pattern takes: a measure saved as
 * `.yml` under `*.yaml` patterns would otherwise vanish from the guide without a word. A file a
 * `!pattern` names is left out on purpose and not reported. Patterns that look everywhere
 * ('**\/*.yaml') are not checked, as the edition folder holds guide.yaml, the theme and firm
 * lists too.
 */
async function unmatchedYamlFiles(
  reader: SourceReader,
  patterns: readonly string[],
  taken: readonly string[],
  configFile: string,
  guideDoc: () => Document,
  options: ReadOptions,
): Promise<Diagnostic[]> {
  const folders = patternFolders(patterns).filter((folder) => folder !== '');
  if (folders.length === 0) return [];
  const all = await reader.list(
    folders.map((folder) => `${folder}/**/*.{yaml,yml}`),
    options,
  );
  const takenSet = new Set(taken);
  const excluded = excludedByPattern(patterns);
  return all
    .filter((file) => !takenSet.has(file) && !excluded(file) && file !== configFile)
    .map((file) =>
      diagnostic('W-FILE-UNMATCHED', say.unmatched({ config: configFile }), {
        file,
        related: [{ file: configFile, range: rangeOfPath(guideDoc(), ['policies']), message: say.thePatterns() }],
        hint: say.unmatchedHint({ folders: folders.join(schemaMessages.listSeparator()) }),
      }),
    );
}

/** Whether the `index`th policies pattern can be matched with; otherwise an E-POLICIES-PATTERN at it. */
function patternUsable(
  result: LoadResult,
  configFile: string,
  guideDoc: () => Document,
  index: number,
  pattern: string,
): boolean {
  if (isUsablePattern(pattern)) return true;
  result.diagnostics.push(
    diagnostic('E-POLICIES-PATTERN', say.patternUnusable({ field: `policies[${index + 1}]` }), {
      file: configFile,
      range: rangeOfPath(guideDoc(), ['policies', index]),
      hint: say.patternUnusableHint(),
    }),
  );
  return false;
}

/**
 * Whether a path written in guide.yaml may be used: an absolute path never (the edition is copied
 * between computers), one leading out through `..` only with `allow_outside: true`. Otherwise
 * an E-PATH-OUTSIDE at its value.
 */
function pathStaysInside(
  result: LoadResult,
  configFile: string,
  guideDoc: () => Document,
  at: (string | number)[],
  value: string,
  allowOutside: boolean,
): boolean {
  const reach = pathReach(value);
  if (reach === 'inside' || (reach === 'outside' && allowOutside)) return true;
  // As the schema names places: policies[2] is the second pattern.
  const field = at.map((part) => (typeof part === 'number' ? `[${part + 1}]` : part)).join('');
  result.diagnostics.push(
    diagnostic(
      'E-PATH-OUTSIDE',
      reach === 'absolute' ? say.pathAbsolute({ field, value }) : say.pathOutside({ field, value }),
      {
        file: configFile,
        range: rangeOfPath(guideDoc(), at),
        hint: reach === 'absolute' ? say.pathAbsoluteHint() : say.outsideHint(),
      },
    ),
  );
  return false;
}

/**
 * A file's value (`make` reads it from the parsed document, adding its diagnostics), or the value
 * the build cache kept when the same text loaded without a diagnostic: parsing is most of a load
 * (yaml reads ~1 MB/s in a new process), so a kept file is parsed again only if a check must
 * point into it. `keyParts`: what else the value depends on. Undefined when it cannot be used.
 */
async function loadKeptOrParse<T>(
  kind: string,
  file: string,
  text: string,
  keyParts: readonly string[],
  result: LoadResult,
  { parsedFiles, store }: CatalogueLoadOptions,
  make: (doc: Document) => Promise<T | undefined>,
): Promise<T | undefined> {
  const key = store && entryKey(kind, currentLanguage(), file, text, ...keyParts);
  const clean = key === undefined ? undefined : (getJson(store, key) as CleanFile<T> | undefined);
  if (clean) {
    result.documents.setUnparsed(file, text);
    result.texts.set(file, clean.texts);
    return clean.value;
  }
  const before = result.diagnostics.length;
  const doc = parseSource(file, text, result, parsedFiles);
  const value = doc && (await make(doc));
  if (value !== undefined && key !== undefined && result.diagnostics.length === before)
    setJson(store, key, { value, texts: result.texts.get(file)! } satisfies CleanFile<T>);
  return value;
}

/**
 * The Markdown checks of a file that is parsed: loaded only then, as a file taken from the build
 * cache was checked when it was kept. They bring the Markdown reader (markdown-it and its
 * packages: about a quarter of what `guide validate` loaded when every file came from the cache).
 */
const markdownChecks = () => import('./markdown-checks.js');

/**
 * Reads guide.yaml (at `configFile`, relative to the reader's root) and every measure file its
 * `policies` patterns match. Measures that fail the schema are left out of the catalogue; their
 * diagnostics say why.
 */
export async function loadCatalogue(
  reader: SourceReader,
  root: string,
  configFile = 'guide.yaml',
  options: CatalogueLoadOptions = {},
): Promise<LoadResult> {
  const result: LoadResult = {
    diagnostics: [],
    sources: new Map(),
    documents: new ParsedDocuments(),
    texts: new Map(),
  };
  // guide.yaml names the edition folder, wherever a link to it leads.
  const guideText = await readSource(reader, configFile, result, true, { outside: true });
  if (guideText === undefined) return result;
  const edition = await loadKeptOrParse('edition-file', configFile, guideText, [], result, options, async (doc) => {
    const value = parseWith(editionSchema, { file: configFile, doc, diagnostics: result.diagnostics });
    if (value)
      result.diagnostics.push(...(await markdownChecks()).editionMarkdownDiagnostics(configFile, guideText, doc));
    return value;
  });
  if (!edition) return result;
  // Parsed only if a diagnostic must point into it (from the cache, it was not).
  const guideDoc = () => result.documents.get(configFile)!;

  const readOptions: ReadOptions = { outside: edition.allow_outside };
  // A pattern reaching out of the edition folder is not looked at: no file there is read or shown.
  const patterns = edition.policies.filter(
    (pattern, i) =>
      pathStaysInside(result, configFile, guideDoc, ['policies', i], pattern, edition.allow_outside) &&
      patternUsable(result, configFile, guideDoc, i, pattern),
  );
  // Without a `templates:` line this checks the default, which is inside.
  pathStaysInside(result, configFile, guideDoc, ['templates'], edition.templates, edition.allow_outside);
  const files = await reader.list(patterns, readOptions);
  if (files.length === 0 && patterns.length === edition.policies.length) {
    result.diagnostics.push(
      diagnostic('E-NO-MEASURES', say.noMeasures({ patterns: edition.policies.join(schemaMessages.listSeparator()) }), {
        file: configFile,
        range: rangeOfPath(guideDoc(), ['policies']),
        hint: say.noMeasuresHint(),
      }),
    );
  }
  result.diagnostics.push(...(await unmatchedYamlFiles(reader, patterns, files, configFile, guideDoc, readOptions)));
  const declared = {
    categories: edition.categories.map((c) => c.id),
    industries: Object.keys(edition.vocabularies.industries),
    needs: Object.keys(edition.vocabularies.needs),
  };
  const declaredKey = JSON.stringify(declared);
  const measures: MeasureEntry[] = [];
  for (const file of files) {
    const text = await readSource(reader, file, result, false, readOptions);
    if (text === undefined) continue;
    const measure = await loadKeptOrParse('measure-file', file, text, [declaredKey], result, options, async (doc) => {
      result.diagnostics.push(
        ...placeholderDiagnostics(file, doc),
        ...emptyAudienceDiagnostics(file, doc),
        ...(await markdownChecks()).measureMarkdownDiagnostics(file, text, doc),
      );
      return parseWith(measureSchema, { file, doc, diagnostics: result.diagnostics, declared });
    });
    if (measure) measures.push({ file, measure });
  }
  const categoryOrder = new Map(edition.categories.map((c, i) => [c.id, i]));
  const rank = (entry: MeasureEntry) => categoryOrder.get(entry.measure.category) ?? categoryOrder.size;
  measures.sort((a, b) => rank(a) - rank(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  result.catalogue = { root, edition, measures };
  return result;
}
