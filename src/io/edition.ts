/** Finds and loads the edition a command works on: ./guide.yaml or the one named by --config. */

import path from 'node:path';
import { loadCatalogue, type LoadResult } from '../catalogue/load.js';
import { createSourceReader } from './source-reader.js';

export interface LoadedEdition extends LoadResult {
  /** Absolute folder holding guide.yaml; file paths in diagnostics are relative to it. */
  root: string;
}

export async function loadEdition(cwd: string, config?: string): Promise<LoadedEdition> {
  const configPath = path.resolve(cwd, config ?? 'guide.yaml');
  const root = path.dirname(configPath);
  const result = await loadCatalogue(createSourceReader(root), root, path.basename(configPath));
  return { ...result, root };
}
