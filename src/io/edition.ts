/**
 * Finds and loads the edition a command works on: guide.yaml in the current folder or the nearest
 * parent that has one, or the file named by --config.
 */

import { statSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue, type LoadResult, type ParsedFiles, type SourceReader } from '../catalogue/load.js';
import type { Node } from 'yaml';
import { pathReach } from '../catalogue/edition-paths.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { checkTemplatesFolder } from './resources.js';
import { createSourceReader } from './source-reader.js';
import type { EntryStore } from '../cache-store.js';

export interface LoadedEdition extends LoadResult {
  /** Absolute folder holding guide.yaml; file paths in diagnostics are relative to it. */
  root: string;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `cwd/guide.yaml`, else the guide.yaml of the nearest parent folder (staff run guide from
 * policies/tax as readily as from the edition folder). When no folder up to the root has one, the
 * path in `cwd`, so the loader reports it missing there.
 */
export function findConfig(cwd: string): string {
  const start = path.resolve(cwd);
  for (let folder = start; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'guide.yaml');
    if (isFile(candidate)) return candidate;
    if (path.dirname(folder) === folder) return path.join(start, 'guide.yaml');
  }
}

/** The path of the edition's guide.yaml: `config` (relative to `cwd`), else `findConfig`'s. */
export function editionConfig(cwd: string, config?: string): string {
  return config !== undefined ? path.resolve(cwd, config) : findConfig(cwd);
}

/** How an edition is loaded. */
export interface EditionLoadOptions {
  /**
   * Sees the files before the loader does (`guide convert --fix-punctuation` mends keyboard
   * mistakes there, so a guide.yaml that would not parse loads).
   */
  wrap?: (reader: SourceReader) => SourceReader;
  /** Keeps what was parsed for the next load (`guide preview`). */
  parsedFiles?: ParsedFiles;
  /** The build cache of the command (`commandCache`), which it flushes; none by default. */
  store?: EntryStore;
}

/** Loads the edition. */
export async function loadEdition(
  cwd: string,
  config?: string,
  { wrap = (reader) => reader, parsedFiles, store }: EditionLoadOptions = {},
): Promise<LoadedEdition> {
  const configPath = editionConfig(cwd, config);
  const root = path.dirname(configPath);
  const configFile = path.basename(configPath);
  const result = await loadCatalogue(wrap(createSourceReader(root)), root, configFile, {
    ...(parsedFiles ? { parsedFiles } : {}),
    ...(store ? { store } : {}),
  });
  const edition = result.catalogue?.edition;
  const reach = edition && pathReach(edition.templates);
  // Not when templates: was refused as leading out: that is said already, and nothing is looked at.
  if (edition && (reach === 'inside' || (reach === 'outside' && edition.allow_outside))) {
    // guide.yaml is parsed for this only when the check has something to say.
    const written = () => {
      const node = result.documents.get(configFile)?.get('templates', true) as Node | undefined;
      return node?.range ? { file: configFile, range: [node.range[0], node.range[1]] as Range } : undefined;
    };
    result.diagnostics.push(...checkTemplatesFolder(root, edition.templates, written, edition.allow_outside));
  }
  return { ...result, root };
}
