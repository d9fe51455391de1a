/**
 * The text values of a YAML document as plain data: what the glyph and script checks look at.
 * Plain data, so the loader can keep them in the build cache with the file's parsed value, and
 * a file read from the cache needs no parsing to be checked.
 */

import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** One string scalar (a key or a value) and where it is. */
export interface TextValue {
  /** The keys leading to it, joined by dots (`contacts.phone`); "?" for a key that is not a scalar. */
  field: string;
  value: string;
  /** The scalar's range as yaml gives it: start, end of the value, end of the node (with its comment). */
  range: [number, number, number];
  /** A mapping key rather than a value. */
  key?: true;
  /** Inside guide.yaml's top-level `terms:` (they say how to convert, in both scripts). */
  terms?: true;
}

/** Every string scalar of `doc`, keys included, in document order (as yaml's `visit` meets them). */
export function textValues(doc: Document): TextValue[] {
  const terms = topLevelRange(doc, 'terms');
  const out: TextValue[] = [];
  // A walk carrying the field down, rather than `visit`, which hands each scalar its whole path.
  const walk = (node: unknown, field: string, key: boolean): void => {
    if (isScalar(node)) {
      if (typeof node.value !== 'string' || !node.range) return;
      const [start, end, nodeEnd] = node.range;
      out.push({
        field,
        value: node.value,
        range: [start, end, nodeEnd],
        ...(key ? { key: true as const } : {}),
        ...(terms && start >= terms[0] && end <= terms[1] ? { terms: true as const } : {}),
      });
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        if (!isPair(item)) {
          walk(item, field, false);
          continue;
        }
        const name = isScalar(item.key) ? String(item.key.value) : '?';
        const inner = field === '' ? name : `${field}.${name}`;
        walk(item.key, inner, true);
        walk(item.value, inner, false);
      }
    }
  };
  walk(doc.contents, '', false);
  return out;
}

function topLevelRange(doc: Document, key: string): [number, number] | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== key) continue;
    const value = pair.value as Node | null;
    return value?.range ? [value.range[0], value.range[2]] : undefined;
  }
  return undefined;
}
