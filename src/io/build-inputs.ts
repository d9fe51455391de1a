/**
 * The digest of every file a build read, for the manifest: read again from disk rather than
 * re-encoded from the loaded text, so each digest is the one `sha256sum` gives.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../hash.js';
import { isWithin } from './edition-links.js';
import { bundledTemplatesDir } from './resources.js';

/** A file the build read: its name in the manifest and its SHA-256 (hex). */
export interface BuildInput {
  path: string;
  sha256: string;
}

/** Whether `file` lies in the folder `folder` (not the folder itself). */
const inside = (folder: string, file: string) => path.relative(folder, file) !== '' && isWithin(folder, file);

/**
 * Reads `files` (paths relative to the edition folder `root`, as diagnostics name them); the
 * theme's fonts come with their digests (`usedFontDigests`: the faces know them, and a rebuild
 * need not read a font at all), named as the theme names them. A file outside the edition folder
 * keeps its relative path (`../shared/templates/guide.md.hbs`), except guide's own bundled
 * templates, named `(guide)/templates/<file>` so the name does not depend on where guide is
 * installed.
 */
export function readBuildInputs(
  root: string,
  files: Iterable<string>,
  fonts: ReadonlyMap<string, string>,
): BuildInput[] {
  const inputs: BuildInput[] = [];
  for (const file of files) {
    const absolute = path.resolve(root, file);
    const name =
      !inside(root, absolute) && inside(bundledTemplatesDir, absolute)
        ? `(guide)/templates/${path.relative(bundledTemplatesDir, absolute).split(path.sep).join('/')}`
        : file;
    inputs.push({ path: name, sha256: sha256Hex(readFileSync(absolute)) });
  }
  for (const [font, sha256] of fonts) inputs.push({ path: font, sha256 });
  return inputs;
}
