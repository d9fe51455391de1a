/**
 * Which characters are Simplified: OpenCC's Simplified → Traditional character table, without the
 * characters that Traditional text writes too (台, 干, 准, 里 …: the table maps them because one
 * of their senses is written differently in Traditional, not because they are Simplified). Only
 * the character table is loaded here, so `guide validate` can ask without loading the phrases.
 */

import simplifiedToTraditional from 'opencc-js/dict/STCharacters';

/** Characters in the table that are also ordinary Traditional characters (in Taiwan's standard). */
const sharedCharacters = '台干准里后余范云冲斗几于划仆并朴杰游涂郁采伙凶帘淀丑吃征占咸岳佣秘灶熏霉尸';

let simplified: Set<string> | undefined;

/** The set of Simplified-only characters (built once, on first use). */
export function simplifiedCharacters(): Set<string> {
  if (simplified) return simplified;
  const shared = new Set(sharedCharacters);
  simplified = new Set();
  for (const entry of simplifiedToTraditional.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && from !== to && !shared.has(from)) simplified.add(from);
  }
  return simplified;
}

let anySimplified: RegExp | undefined;

/**
 * A pattern matching any Simplified-only character. One pass of it over a whole file says
 * whether a value there can hold one: most files hold none, and the pattern runs as native code.
 */
export function simplifiedPattern(): RegExp {
  anySimplified ??= new RegExp(
    `[${[...simplifiedCharacters()].map((char) => char.replace(/[\\\]^-]/, '\\$&')).join('')}]`,
    'u',
  );
  return anySimplified;
}

/** Whether `text` holds at least one Simplified-only character. */
export function hasSimplified(text: string): boolean {
  const set = simplifiedCharacters();
  for (const char of text) if (set.has(char)) return true;
  return false;
}

/** The offset (in UTF-16 units) of the first Simplified-only character of `text`, or -1. */
export function firstSimplified(text: string): number {
  const set = simplifiedCharacters();
  let offset = 0;
  for (const char of text) {
    if (set.has(char)) return offset;
    offset += char.length;
  }
  return -1;
}
