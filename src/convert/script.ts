/**
 * Which characters are Simplified: OpenCC's Simplified → Traditional character table, without the
 * characters that Traditional text writes too (台, 干, 准, 里 …: the table maps them because one
 * of their senses is written differently in Traditional, not because they are Simplified). Only
 * the character table is loaded here, so `guide validate` can ask without loading the phrases.
 */

import simplifiedToTraditional from 'opencc-js/dict/STCharacters';

/** Characters in the table that are also ordinary Traditional characters (in Taiwan's standard). */
export const sharedCharacters = '台干准里后余范云冲斗几于划仆并朴杰游涂郁采伙凶帘淀丑吃征占咸岳佣秘灶熏霉尸';

let simplified: Set<string> | undefined;

/** The set of Simplified-only characters (built once, on first use). */
export function simplifiedCharacters(): Set<string> {
  if (simplified) return simplified;
  const shared = new Set(sharedCharacters);
  simplified = new Set();
  // Entries are "简 繁[ 繁…]" joined by "|". Read with indexOf: splitting each entry and
  // destructuring the parts took 5 ms of every `guide validate` in cold code, this 1.5 ms.
  const table = simplifiedToTraditional;
  for (let start = 0; start < table.length;) {
    const bar = table.indexOf('|', start);
    const end = bar < 0 ? table.length : bar;
    const space = table.indexOf(' ', start);
    if (space > start && space < end) {
      const next = table.indexOf(' ', space + 1);
      const from = table.slice(start, space);
      const to = table.slice(space + 1, next > space && next < end ? next : end);
      if (to && from !== to && !shared.has(from)) simplified.add(from);
    }
    start = end + 1;
  }
  return simplified;
}

let anySimplified: RegExp | undefined;

/**
 * A pattern matching any Simplified-only character. One pass of it over a whole file says
 * whether a value there can hold one: most files hold none, and the pattern runs as native code.
 */
export function simplifiedPattern(): RegExp {
  anySimplified ??= new RegExp(`[${[...simplifiedCharacters()].join('').replace(/[\\\]^-]/g, '\\$&')}]`, 'u');
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
