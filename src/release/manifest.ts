/**
 * dist/manifest.json: what a build made and from what, for CI and for later comparisons.
 *
 * - `tool`: guide's name and version; `edition`: title, edition, date; `asOf`: the date measures
 *   were selected for; `sourceDateEpoch`: the instant written into the files (seconds).
 * - `inputs`: every file the build read (guide.yaml, each measure file, each template, the
 *   theme, the fonts), sorted by path, each with its sha256, and `sha256`: the digest of that
 *   list, computed as `sha256sum` prints it (`<hex>  <path>\n` per file), so
 *   `sha256sum <paths in order> | sha256sum` in the edition folder gives the same digest.
 *   Templates and theme bundled with guide are named `(guide)/templates/<file>`.
 * - `outputs`: each file written, its path relative to the manifest, format, size in bytes,
 *   pages (PDF), sha256.
 * - `measures.included`: the measures in the guide (id, number, title, file, and `data`: a
 *   compact copy of the measure's fields, so `guide diff` can compare against this build without
 *   its files); `measures.excluded`: those left out, with `reason` `expired` (and `until`) or
 *   `upcoming` (and `from`).
 * - `labels`: chapter titles and vocabulary labels, for describing changes in Chinese.
 * - `changes`: with `guide build --since`, the comparison the 本版更新說明 section shows.
 *
 * Nothing in it depends on the machine, the clock or the folder the build ran in, so the same
 * inputs give the same manifest, byte for byte.
 */

import type { Selection } from '../catalogue/select.js';
import type { IsoDate } from '../catalogue/types.js';
import type { OutputFormat } from '../writers/formats.js';
import type { EditionDiff } from './diff.js';
import { compactMeasure, JsonFields, ManifestShapeError, readMeasureData } from './measure-data.js';
import {
  snapshotFromSelection,
  type EditionInfo,
  type EditionSnapshot,
  type ExcludedMeasure,
  type Labels,
} from './snapshot.js';
import { sha256Hex } from '../hash.js';
import { manifestMessages as say } from '../messages/release.js';

/** The manifest format's version; a reader refuses other versions. */
export const manifestVersion = 1;

/** The manifest's file name, next to the outputs. */
export const manifestFileName = 'manifest.json';

export interface ManifestInput {
  path: string;
  sha256: string;
}

export interface ManifestOutput {
  path: string;
  format: OutputFormat;
  bytes: number;
  pages?: number;
  sha256: string;
}

export interface ManifestMeasure {
  id: string;
  number: string;
  title: string;
  file: string;
  data: Record<string, unknown>;
}

export interface Manifest {
  manifestVersion: typeof manifestVersion;
  tool: { name: 'guide'; version: string };
  edition: EditionInfo;
  asOf: IsoDate;
  sourceDateEpoch: number;
  inputs: { sha256: string; files: ManifestInput[] };
  outputs: ManifestOutput[];
  measures: { included: ManifestMeasure[]; excluded: ExcludedMeasure[] };
  labels: Labels;
  changes?: EditionDiff;
}

/** What a build hands over to describe itself. */
export interface ManifestSource {
  version: string;
  selection: Selection;
  /** The instant written into the outputs. */
  creationDate: Date;
  /** Every file read, by the path the manifest names it with, and its SHA-256 (hex). */
  inputs: readonly { path: string; sha256: string }[];
  /** Every file written; `path` relative to the manifest. */
  outputs: readonly { path: string; format: OutputFormat; bytes: Uint8Array; pages?: number }[];
  changes?: EditionDiff;
}

/** The digest of a file list as `sha256sum` prints it, sorted by path in code-unit order. */
function inputsDigest(files: readonly ManifestInput[]): string {
  return sha256Hex(files.map((file) => `${file.sha256}  ${file.path}\n`).join(''));
}

/** The manifest of one build. Pure. */
export function createManifest(source: ManifestSource): Manifest {
  const snapshot = snapshotFromSelection(source.selection);
  const files = source.inputs
    .map((input) => ({ path: input.path, sha256: input.sha256 }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    manifestVersion,
    tool: { name: 'guide', version: source.version },
    edition: snapshot.edition,
    asOf: snapshot.asOf,
    sourceDateEpoch: Math.floor(source.creationDate.getTime() / 1000),
    inputs: { sha256: inputsDigest(files), files },
    outputs: source.outputs.map((output) => ({
      path: output.path,
      format: output.format,
      bytes: output.bytes.length,
      ...(output.pages !== undefined ? { pages: output.pages } : {}),
      sha256: sha256Hex(output.bytes),
    })),
    measures: {
      included: snapshot.included.map(({ number, file, measure }) => ({
        id: measure.id,
        number,
        title: measure.title,
        file,
        data: compactMeasure(measure),
      })),
      excluded: snapshot.excluded,
    },
    labels: snapshot.labels,
    ...(source.changes ? { changes: source.changes } : {}),
  };
}

/** The manifest as written: two-space JSON and a final newline. */
export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * The snapshot a manifest describes, for `guide diff` and `guide build --since`. Throws
 * ManifestShapeError when the text is not a manifest guide wrote.
 */
export function snapshotFromManifest(text: string): EditionSnapshot {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ManifestShapeError(say.notJson({ error: (error as Error).message }));
  }
  const root = JsonFields.of(json, 'manifest');
  const version = root.raw('manifestVersion');
  if (version !== manifestVersion) {
    throw new ManifestShapeError(
      version === undefined
        ? say.noVersion()
        : say.unknownVersion({ version: JSON.stringify(version), known: manifestVersion }),
    );
  }
  const edition = root.object('edition');
  const labels = root.object('labels');
  const measures = root.object('measures');
  return {
    edition: { title: edition.text('title'), edition: edition.text('edition'), date: edition.text('date') },
    asOf: root.text('asOf'),
    labels: {
      categories: labels.textRecord('categories'),
      industries: labels.textRecord('industries'),
      needs: labels.textRecord('needs'),
    },
    included: measures.list('included', (item, where) => {
      const entry = JsonFields.of(item, where);
      return {
        number: entry.text('number'),
        file: entry.text('file'),
        measure: readMeasureData(entry.raw('data'), `${where}.data`),
      };
    }),
    excluded: measures.list('excluded', (item, where): ExcludedMeasure => {
      const entry = JsonFields.of(item, where);
      const base = { id: entry.text('id'), title: entry.text('title'), file: entry.text('file') };
      const reason = entry.text('reason');
      if (reason === 'expired') return { ...base, reason, until: entry.text('until') };
      if (reason === 'upcoming') return { ...base, reason, from: entry.text('from') };
      throw new ManifestShapeError(say.reason({ where }));
    }),
  };
}
