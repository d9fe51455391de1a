/**
 * The parsed YAML of an edition's files, by file. A file the loader took from the build cache
 * (guide.yaml, a measure file) is kept as text and parsed only when asked for: a check pointing
 * at one of its nodes is rare, so most runs parse none of them.
 */

import type { Document } from 'yaml';
import { parseYaml } from '../schema/parse-yaml.js';

export class ParsedDocuments {
  readonly #parsed = new Map<string, Document>();
  /** Files that parsed cleanly in an earlier run, by their text. */
  readonly #unparsed = new Map<string, string>();

  set(file: string, doc: Document): void {
    this.#parsed.set(file, doc);
  }

  /** `text`, which parsed without a diagnostic when it was kept, is `file`'s. */
  setUnparsed(file: string, text: string): void {
    this.#unparsed.set(file, text);
  }

  get(file: string): Document | undefined {
    const doc = this.#parsed.get(file);
    if (doc !== undefined) return doc;
    const text = this.#unparsed.get(file);
    if (text === undefined) return undefined;
    this.#unparsed.delete(file);
    const parsed = parseYaml(file, text).doc;
    if (parsed) this.#parsed.set(file, parsed);
    return parsed;
  }

  /** Lets every parsed document go (they are large; a build needs none once it is checked). */
  clear(): void {
    this.#parsed.clear();
    this.#unparsed.clear();
  }
}
