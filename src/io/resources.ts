/**
 * What a build reads besides the measures: the templates folder (templates and theme.yaml) and
 * the font files the theme names. Fonts are read once per process and shared.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TemplateSources } from '../template/render.js';

export interface TemplateFolder {
  sources: TemplateSources;
  /** theme.yaml's path (relative to the edition folder) and text, when present. */
  theme?: { file: string; text: string };
}

const templateSuffix = '.md.hbs';

/**
 * Reads `<dir>/*.md.hbs` (each a template named by its file name) and `<dir>/theme.yaml`. Paths in
 * the result are relative to `root`, as diagnostics show them.
 */
export function readTemplateFolder(root: string, dir: string): TemplateFolder {
  const absolute = path.resolve(root, dir);
  const relative = (name: string) => path.relative(root, path.join(absolute, name)).split(path.sep).join('/');
  const sources: TemplateSources = {};
  let names: string[];
  try {
    names = readdirSync(absolute).sort();
  } catch {
    return { sources };
  }
  for (const name of names) {
    if (!name.endsWith(templateSuffix)) continue;
    sources[name.slice(0, -templateSuffix.length)] = {
      file: relative(name),
      text: readFileSync(path.join(absolute, name), 'utf8'),
    };
  }
  const themeName = 'theme.yaml';
  const theme = names.includes(themeName)
    ? { file: relative(themeName), text: readFileSync(path.join(absolute, themeName), 'utf8') }
    : undefined;
  return { sources, ...(theme ? { theme } : {}) };
}

/** The templates and theme bundled with guide, used when an edition has no templates folder. */
export const bundledTemplatesDir = path.resolve(
  path.dirname(createRequire(import.meta.url).resolve('../../package.json')),
  'templates',
);

const fontCache = new Map<string, Uint8Array>();

/**
 * Reads a font file named in the theme: a path inside an npm package ("@expo-google-fonts/…"),
 * or a path relative to the edition folder.
 */
export function readFontFile(root: string, name: string): Uint8Array {
  const cached = fontCache.get(name);
  if (cached) return cached;
  const local = path.resolve(root, name);
  let file: string;
  try {
    file = createRequire(path.join(root, 'noop.js')).resolve(name);
  } catch {
    try {
      file = createRequire(import.meta.url).resolve(name);
    } catch {
      file = local;
    }
  }
  const bytes = readFileSync(file);
  fontCache.set(name, bytes);
  return bytes;
}
