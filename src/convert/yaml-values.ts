/**
 * Converts the text values of one YAML file in place. The source text is edited at each string
 * scalar's range, as the parsed Document gives it, and nothing else is touched: comments, keys,
 * key order, quoting, block styles and blank lines stay byte for byte. (Serialising the Document
 * again would re-wrap lines and re-quote values.) The raw text of a scalar (with its quotes or
 * block header) is what is converted: conversion only changes CJK characters, never quotes,
 * escapes, indentation or line breaks.
 */

import { parseDocument, type Document } from 'yaml';
import { textValues, type TextValue } from '../schema/text-values.js';
import type { Convert } from './converter.js';

/** One changed value: where it starts (1-based line) and its source text before and after. */
export interface ValueChange {
  line: number;
  before: string;
  after: string;
}

export interface ConvertedFile {
  text: string;
  changes: ValueChange[];
}

/**
 * The text of `source` with every string value converted. `doc` is the parsed `source` when the
 * caller has it. guide.yaml's own `terms:` are left alone: they say how to convert, in both scripts.
 */
export function convertYamlValues(source: string, convert: Convert, doc?: Document): ConvertedFile {
  const parsed = doc ?? parseDocument(source, { uniqueKeys: false });
  const edits: { start: number; end: number; after: string }[] = [];
  eachTextValue(textValues(parsed), source, (start, end, before) => {
    const after = convert(before);
    if (after !== before) edits.push({ start, end, after });
  });
  edits.sort((a, b) => a.start - b.start);
  let text = '';
  let at = 0;
  const changes: ValueChange[] = [];
  for (const edit of edits) {
    text += source.slice(at, edit.start) + edit.after;
    changes.push({ line: lineOf(source, edit.start), before: source.slice(edit.start, edit.end), after: edit.after });
    at = edit.end;
  }
  return { text: text + source.slice(at), changes };
}

/**
 * Calls `see` with the source range and raw text of every string value (keys aside) among
 * `values`, leaving out guide.yaml's own `terms:`: they say how to convert, in both scripts.
 */
export function eachTextValue(
  values: readonly TextValue[],
  source: string,
  see: (start: number, end: number, raw: string) => void,
): void {
  for (const { range, key, terms } of values) {
    if (key || terms) continue;
    see(range[0], range[1], source.slice(range[0], range[1]));
  }
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A line diff of a file before and after conversion, for `--dry-run`. Conversion never adds or
 * removes a line break, so line n of one is line n of the other.
 */
export function lineDiff(file: string, before: string, after: string): string {
  const old = before.split('\n');
  const now = after.split('\n');
  let out = `--- ${file}\n+++ ${file} (converted)\n`;
  for (let i = 0; i < Math.max(old.length, now.length); i++) {
    if (old[i] === now[i]) continue;
    out += `@@ line ${i + 1} @@\n`;
    if (old[i] !== undefined) out += `-${old[i]}\n`;
    if (now[i] !== undefined) out += `+${now[i]}\n`;
  }
  return out;
}
