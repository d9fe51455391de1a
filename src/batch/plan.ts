/**
 * What a batch run does with each firm: its output names, the hash of its inputs, whether it is
 * in this run (`--only`, `--shard`), and whether its guide is already there and up to date.
 */

import type { Catalogue } from '../catalogue/types.js';
import type { OutputFormat } from '../writers/formats.js';
import type { Firm } from '../firms/types.js';
import { safeFileName } from '../io/file-names.js';
import type { ManifestFirm } from './manifest.js';
import { sha256Hex } from '../hash.js';
import { UsageError } from '../errors.js';
import { batchOptionMessages as say } from '../messages/batch.js';
import { version } from '../io/version.js';
import { fontFileHash } from '../io/resources.js';
import type { TemplateInputs } from '../pipeline/templates.js';
import type { BuildRequest } from '../pipeline/request.js';
import type { Theme } from '../writers/theme.js';

/** The default `--name-pattern`. */
export const defaultNamePattern = '{企業名稱}-惠企政策指南';

const placeholders: Record<string, (firm: Firm) => string> = {
  企業名稱: (firm) => firm.name,
  name: (firm) => firm.name,
  編號: (firm) => firm.id,
  id: (firm) => firm.id,
};

/** The placeholders a pattern uses that are not known; empty when it is fine. */
function unknownPlaceholders(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!).filter((name) => !Object.hasOwn(placeholders, name));
}

/** A firm's file name without extension: the pattern filled in, made safe for every file system. */
export function firmFileBase(pattern: string, firm: Firm): string {
  const filled = pattern.replace(/\{([^{}]*)\}/g, (whole, name: string) =>
    Object.hasOwn(placeholders, name) ? placeholders[name]!(firm) : whole,
  );
  return safeFileName(filled, firm.id);
}

/** What every firm's guide is made of besides the firm and its measures. */
export interface SharedInputs {
  tool: string;
  templates: Record<string, string>;
  theme: string;
  /** Font name → SHA-256 of its bytes. */
  fonts: Record<string, string>;
  edition: Catalogue['edition'];
  asOf: string;
  letterDate: string;
  creationDate: string;
  formats: readonly OutputFormat[];
  namePattern: string;
}

/** What every guide of a run is made of, as a batch knows it. */
export interface RunInputs {
  root: string;
  templates: TemplateInputs;
  theme: Theme;
  edition: Catalogue['edition'];
  request: BuildRequest;
  namePattern: string;
}

/**
 * The hash of everything every firm's guide is made of besides the firm and its measures: guide's
 * version, the templates, the theme, the fonts' bytes, the edition and the options.
 */
export function runInputsHash(run: RunInputs): string {
  // Every font of the chain: whether a firm's guide needs a fallback face is not known here.
  const { regular, bold, fallback } = run.theme.fonts.pdf;
  const fonts = [regular, bold, ...fallback.flatMap((entry) => [entry.regular, entry.bold])];
  return sharedInputsHash({
    tool: `guide ${version}`,
    templates: Object.fromEntries(Object.entries(run.templates.sources).map(([name, source]) => [name, source.text])),
    theme: run.templates.theme.text,
    fonts: Object.fromEntries(fonts.map((font) => [font, fontFileHash(run.root, font)])),
    edition: run.edition,
    asOf: run.request.asOf,
    letterDate: run.request.letterDate,
    creationDate: run.request.creationDate.toISOString(),
    formats: run.request.formats,
    namePattern: run.namePattern,
  });
}

/** The hash of the shared inputs. */
function sharedInputsHash(inputs: SharedInputs): string {
  return sha256Hex(JSON.stringify(inputs));
}

/**
 * The hash of one firm's inputs: the shared ones, the firm's row, and its measures in print
 * order (their hashes, from the pipeline's `measureHash`, made once per measure).
 */
export function firmInputsHash(shared: string, firm: Firm, measureHashes: readonly string[]): string {
  return sha256Hex(JSON.stringify({ shared, firm, measures: measureHashes }));
}

/** The files a firm's guide should have, relative to the output folder (forward slashes). */
export function firmFiles(
  firm: Firm,
  base: string,
  formats: readonly OutputFormat[],
): { format: OutputFormat; path: string }[] {
  return formats.map((format) => ({ format, path: `${firm.id}/${base}.${format}` }));
}

/**
 * Whether an earlier run's entry can stand: built from the same inputs, every file there with
 * the checksum it recorded. `digest` reads a file's checksum (undefined when it is missing).
 */
export async function isUpToDate(
  previous: ManifestFirm | undefined,
  inputsHash: string,
  expected: readonly { format: OutputFormat; path: string }[],
  digest: (relativePath: string) => Promise<{ sha256: string; bytes: number } | undefined>,
): Promise<boolean> {
  if (!previous || previous.status !== 'ok' || previous.inputsHash !== inputsHash) return false;
  if (previous.files.length !== expected.length) return false;
  for (const want of expected) {
    const recorded = previous.files.find((file) => file.path === want.path && file.format === want.format);
    if (!recorded) return false;
    const onDisk = await digest(recorded.path);
    if (!onDisk || onDisk.sha256 !== recorded.sha256 || onDisk.bytes !== recorded.bytes) return false;
  }
  return true;
}

/** `--jobs n`: builders, this process and n-1 worker threads (default: one per core). */
export function parseJobs(value: string | undefined, cores: number): number {
  if (value === undefined) return cores;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new UsageError(say.jobs({ value }));
  }
  return Number(value);
}

/** `--name-pattern`: checked before anything is read. */
export function checkNamePattern(pattern: string): string {
  const unknown = unknownPlaceholders(pattern);
  if (unknown.length > 0) {
    throw new UsageError(say.namePattern({ names: unknown.map((u) => `{${u}}`).join(', ') }));
  }
  return pattern;
}
