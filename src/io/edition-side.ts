/**
 * One side of `guide diff` or `guide build --since`, found from what the user typed: a build's
 * manifest.json, an edition (its folder or its guide.yaml), a folder of measure files (read with
 * the current edition's guide.yaml), or a git ref (read from the commit; nothing is checked out).
 * A path that exists wins over a ref of the same name.
 */

import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import {
  loadCatalogue,
  type LoadResult,
  type ReadOptions,
  type ReadResult,
  type SourceReader,
} from '../catalogue/load.js';
import { UsageError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';
import { gitSourceReader, resolveGitRevision } from './git.js';
import { findConfig } from './edition-config.js';
import { createSourceReader } from './source-reader.js';

/** A side whose measure files were read. */
export interface EditionSide {
  kind: 'edition';
  loaded: LoadResult;
  /** The folder diagnostics' file paths are shown relative to. */
  root: string;
  /** How a diagnostic names a loaded file (e.g. `v2020.03:policies/tax/vat.yaml` for a git ref). */
  display: (file: string) => string;
}

/** A side that is a manifest written by `guide build`. */
export interface ManifestSide {
  kind: 'manifest';
  /** As the user typed it. */
  file: string;
  text: string;
}

export type Side = EditionSide | ManifestSide;

function stat(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The working-tree edition at --config (or the nearest guide.yaml): its folder and file name. */
function currentConfig(cwd: string, config: string | undefined) {
  const configPath = config !== undefined ? path.resolve(cwd, config) : findConfig(cwd);
  return { root: path.dirname(configPath), name: path.basename(configPath), path: configPath };
}

const asIs = (file: string) => file;

async function loadFolder(folder: string, configName: string): Promise<EditionSide> {
  const loaded = await loadCatalogue(createSourceReader(folder), folder, configName);
  return { kind: 'edition', loaded, root: folder, display: asIs };
}

// A folder of measure files without a guide.yaml: the current guide.yaml gives categories and
// vocabularies, and every .yaml file under the folder is a measure.
async function loadPolicyFolder(folder: string, configPath: string): Promise<EditionSide> {
  const files = createSourceReader(folder);
  const config = createSourceReader(path.dirname(configPath));
  // A name no file in the folder can have, so the folder's own files never shadow it.
  const configName = '\u0000guide.yaml';
  const reader: SourceReader = {
    read: (file: string, maxBytes: number, options?: ReadOptions): Promise<ReadResult> =>
      file === configName
        ? config.read(path.basename(configPath), maxBytes, options)
        : files.read(file, maxBytes, options),
    list: (_patterns, options) => files.list(['**/*.yaml', '**/*.yml'], options),
  };
  const loaded = await loadCatalogue(reader, folder, configName);
  const shown = path.relative(folder, configPath);
  return { kind: 'edition', loaded, root: folder, display: (file) => (file === configName ? shown : file) };
}

/**
 * Opens `spec` as a comparison side. `cwd` and `config` locate the current edition, which gives
 * the git repository for refs and the guide.yaml for a bare folder of measure files.
 */
export async function openSide(spec: string, cwd: string, config?: string): Promise<Side> {
  const target = path.resolve(cwd, spec);
  const found = stat(target);
  const current = currentConfig(cwd, config);
  if (found?.isDirectory()) {
    return stat(path.join(target, 'guide.yaml'))?.isFile()
      ? loadFolder(target, 'guide.yaml')
      : loadPolicyFolder(target, current.path);
  }
  if (found?.isFile()) {
    if (/\.ya?ml$/i.test(target)) return loadFolder(path.dirname(target), path.basename(target));
    return { kind: 'manifest', file: spec, text: readFileSync(target, 'utf8') };
  }
  const revision = await resolveGitRevision(current.root, spec);
  if (revision === undefined) {
    throw new UsageError(say.notAnEdition({ spec, folder: path.relative(cwd, current.root) || '.' }));
  }
  const loaded = await loadCatalogue(gitSourceReader(revision), current.root, current.name);
  // Files are named as git names them ("v2020.03:policies/tax/vat.yaml"), shown from the folder
  // the user stands in, so they read the same wherever that is.
  return { kind: 'edition', loaded, root: cwd, display: (file) => `${spec}:${revision.prefix}${file}` };
}

/** The current edition (working tree) as a side. */
export async function openCurrentSide(cwd: string, config?: string): Promise<EditionSide> {
  const current = currentConfig(cwd, config);
  return loadFolder(current.root, current.name);
}
