/** Option values shared by several commands, parsed the same way everywhere. */

import type { OutputFormat } from '../catalogue/types.js';
import { UsageError } from '../errors.js';

const knownFormats: readonly OutputFormat[] = ['pdf', 'docx'];

/** `--format pdf,docx` → the formats, once each; anything else is a usage error. */
export function parseFormats(value: string): OutputFormat[] {
  const formats = value
    .split(',')
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((f) => !(knownFormats as readonly string[]).includes(f))) {
    throw new UsageError(`--format takes pdf, docx or pdf,docx; got "${value}"`);
  }
  return [...new Set(formats)] as OutputFormat[];
}
