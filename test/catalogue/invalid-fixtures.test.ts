/**
 * Golden diagnostics for broken editions. Each folder under test/fixtures/invalid/cases/ holds only
 * what differs from test/fixtures/invalid/base/ (a replaced guide.yaml or added measure files) and
 * the diagnostics exactly as `guide validate` prints them (plain style), in each language:
 * `expected.txt` (English), `expected.zh-Hans.txt` and `expected.zh-Hant.txt`. One folder is one
 * mistake, so a change in wording or position shows up as a diff on that mistake alone.
 *
 * UPDATE_GOLDEN=1 rewrites the expected files; read the diff before committing it.
 */

import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  loadCatalogue,
  maxSourceBytes,
  type LoadResult,
  type ReadResult,
  type SourceReader,
} from '../../src/catalogue/load.js';
import { validateCatalogue } from '../../src/catalogue/validate.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { formatDiagnostic } from '../../src/diagnostics/format.js';
import { createSourceReader } from '../../src/io/source-reader.js';
import { currentLanguage, languages, setLanguage, type Language } from '../../src/messages/language.js';
import { reportMessages } from '../../src/messages/report.js';

const fixtures = fileURLToPath(new URL('../fixtures/invalid/', import.meta.url));
const baseDir = path.join(fixtures, 'base');
const casesDir = path.join(fixtures, 'cases');
const updateGolden = process.env.UPDATE_GOLDEN === '1';

/** Cases that must validate cleanly: they prove an accepted variant stays accepted. */
const positiveCases = new Set(['bom-crlf-valid', 'yaml-fullwidth-in-text-valid', 'policies-braces-valid']);

/**
 * Error codes allowed to come without a range. E-CONFIG-MISSING names no file at all;
 * E-FILE-TOO-LARGE is about the whole file, which is never read, so there is no text to point into.
 */
const rangeExempt = new Set(['E-CONFIG-MISSING', 'E-FILE-TOO-LARGE']);

/**
 * Errors that point at no line:col today although they could. Each entry is a gap in src/ that is
 * reported for fixing; the test asserts the gap still exists, so whoever fixes src/ is told to
 * drop the entry here (and to re-run with UPDATE_GOLDEN=1).
 */
const knownMissingRanges = new Map<string, string>([]);

/** Files a case needs that are too big to commit; written into a temporary folder laid over the case. */
const generatedFiles: Record<string, Record<string, () => Uint8Array>> = {
  'file-too-large': {
    // A valid measure padded with a comment to one byte over the limit: only the size is wrong.
    'policies/tax/tax-huge.yaml': () => {
      const head = Buffer.from(
        'id: tax-huge\ntitle: 超大檔案\ncategory: tax\nsummary: 檔案過大。\nauthority: 稅務局\n' +
          'basis: [{ title: 公告 }]\neffective: { from: 2020-03-01 }\neligibility: [所有企業]\nfee: 不收費\n' +
          'contacts: [{ name: 熱線, phone: "12366" }]\nreviewed: 2020-03-05\n# ',
        'utf8',
      );
      const bytes = Buffer.alloc(maxSourceBytes + 1, 'x'.charCodeAt(0));
      head.copy(bytes);
      bytes[bytes.length - 1] = 0x0a;
      return bytes;
    },
  },
};

/** Reads from each folder in turn (the first that has the file wins) and lists the union of all. */
function overlayReader(folders: readonly string[]): SourceReader {
  const layers = folders.map((folder) => createSourceReader(folder));
  return {
    async read(file: string, maxBytes: number): Promise<ReadResult> {
      let result: ReadResult = { kind: 'missing' };
      for (const layer of layers) {
        result = await layer.read(file, maxBytes);
        if (result.kind !== 'missing') return result;
      }
      return result;
    },
    async list(patterns: readonly string[]): Promise<string[]> {
      const found = new Set<string>();
      for (const layer of layers) for (const file of await layer.list(patterns)) found.add(file);
      // By code unit, as SourceReader promises (never by locale).
      return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}

const tempDirs: string[] = [];
after(async () => {
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

async function layersFor(caseName: string): Promise<string[]> {
  const caseDir = path.join(casesDir, caseName);
  const generated = generatedFiles[caseName];
  if (!generated) return [caseDir, baseDir];
  const dir = await mkdtemp(path.join(tmpdir(), `guide-${caseName}-`));
  tempDirs.push(dir);
  for (const [file, make] of Object.entries(generated)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), make());
  }
  return [dir, caseDir, baseDir];
}

interface Outcome {
  loaded: LoadResult;
  diagnostics: Diagnostic[];
  text: string;
}

async function run(folders: readonly string[]): Promise<Outcome> {
  const loaded = await loadCatalogue(overlayReader(folders), folders[0]!);
  const diagnostics = validateCatalogue(loaded);
  const text = diagnostics.map((d) => formatDiagnostic(d, loaded.sources)).join('\n\n');
  return { loaded, diagnostics, text };
}

/** The files a case lays over base (forward-slash paths relative to the case), without expected.txt. */
async function caseFiles(caseName: string): Promise<string[]> {
  const committed: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(casesDir, caseName, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (!/^expected(\.[\w-]+)?\.txt$/.test(child)) committed.push(child);
    }
  };
  await walk('');
  return [...committed, ...Object.keys(generatedFiles[caseName] ?? {})].sort();
}

/** What an expected file holds: the diagnostics, or a line saying there are none. */
function golden(outcome: Outcome): string {
  return `${outcome.text === '' ? reportMessages.noProblems() : outcome.text}\n`;
}

/** English keeps the name it always had; the others say their language. */
function expectedFileName(language: Language): string {
  return language === 'en' ? 'expected.txt' : `expected.${language}.txt`;
}

/** Diagnostics are worded when made, so the whole run happens in the language. */
async function inLanguage<T>(language: Language, work: () => Promise<T>): Promise<T> {
  const before = currentLanguage();
  setLanguage(language);
  try {
    return await work();
  } finally {
    setLanguage(before);
  }
}

const caseNames = (await readdir(casesDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

test('the base edition validates with no diagnostics', async () => {
  const outcome = await run([baseDir]);
  assert.equal(outcome.text, '', 'base must stay clean, or every case would inherit its problems');
});

test('there are enough cases', () => {
  assert.ok(caseNames.length >= 28, `only ${caseNames.length} cases`);
  for (const name of [...positiveCases, ...knownMissingRanges.keys(), ...Object.keys(generatedFiles)]) {
    assert.ok(caseNames.includes(name), `${name} is named in the test but has no folder`);
  }
});

describe('invalid fixtures', () => {
  for (const caseName of caseNames) {
    test(caseName, async () => {
      const layers = await layersFor(caseName);
      for (const language of languages) {
        const name = expectedFileName(language);
        const shown = await inLanguage(language, async () => golden(await run(layers)));
        const expectedFile = path.join(casesDir, caseName, name);
        if (updateGolden) await writeFile(expectedFile, shown);
        const expected = await readFile(expectedFile, 'utf8').catch(() => undefined);
        assert.ok(expected !== undefined, `${caseName}/${name} is missing; run with UPDATE_GOLDEN=1 to write it`);
        assert.equal(shown, expected, `diagnostics differ from ${name} (UPDATE_GOLDEN=1 rewrites it)`);
      }

      const outcome = await run(layers);
      // A file the loader never looked at would make any case pass; each must be read or named.
      const files = await caseFiles(caseName);
      assert.ok(files.length > 0, 'a case must lay at least one file over base');
      const named = new Set(outcome.diagnostics.map((d) => d.file));
      for (const file of files) {
        assert.ok(
          outcome.loaded.sources.has(file) || named.has(file),
          `${file} was neither read nor named in a diagnostic`,
        );
      }

      if (positiveCases.has(caseName)) {
        assert.equal(outcome.diagnostics.length, 0, 'a positive case must validate cleanly');
        const measures = outcome.loaded.catalogue?.measures.map((entry) => entry.file) ?? [];
        for (const file of files.filter((f) => f.startsWith('policies/'))) {
          assert.ok(measures.includes(file), `${file} should be in the catalogue`);
        }
        return;
      }
      assert.ok(outcome.diagnostics.length > 0, 'a case must yield at least one diagnostic');

      for (const d of outcome.diagnostics) {
        assert.ok(d.file !== undefined, `${d.code} names no file`);
      }
      const unranged = outcome.diagnostics.filter(
        (d) => d.severity === 'error' && d.range === undefined && !rangeExempt.has(d.code),
      );
      const gap = knownMissingRanges.get(caseName);
      if (gap === undefined) {
        assert.deepEqual(
          unranged.map((d) => d.code),
          [],
          'every error must point at a line and column',
        );
      } else {
        assert.ok(unranged.length > 0, `fixed in src/ (${gap}): remove "${caseName}" from knownMissingRanges`);
      }
    });
  }
});
