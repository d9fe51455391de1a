/**
 * Simplified → Taiwan Traditional for administrative text: OpenCC's s2twp chain (opencc-js,
 * `cn` → `twp`) with our dictionary (dictionary.ts) and the edition's `terms:` over it.
 *
 * How overrides win: the text is cut, longest match first, at every override term; the terms are
 * written out as the dictionary says, and only the pieces between them go through OpenCC. We do
 * not add our pairs to OpenCC's tables, because s2twp is a chain of three tables (Simplified →
 * Traditional, Taiwan phrases, Taiwan variants) and a word fixed in the first is changed again by
 * the second (文件 → 文件 → 檔案). Nor do we swap terms for placeholders: a placeholder can meet
 * a phrase entry of its neighbours or be mangled by a later table; cutting the text has no such
 * trap and costs only phrases that span a term's edge, which the corpus test would show.
 *
 * Text already in Traditional comes out unchanged: a clause (up to 。！？；, or a line) without a
 * Simplified-only character is left as it is, since s2twp also rewrites Traditional text (臺積電,
 * 支援, 檔案).
 */

import { ConverterFactory, Trie, type ConverterFunction } from 'opencc-js/core';
import simplifiedPhrases from 'opencc-js/dict/STPhrases';
import simplifiedCharacters from 'opencc-js/dict/STCharacters';
import taiwanPhrases from 'opencc-js/dict/TWPhrases';
import taiwanVariantPhrases from 'opencc-js/dict/TWVariantsPhrases';
import taiwanVariants from 'opencc-js/dict/TWVariants';
import traditionalPhrases from 'opencc-js/dict/TSPhrases';
import traditionalCharacters from 'opencc-js/dict/TSCharacters';
import { administrativePairs } from './dictionary.js';
import { hasSimplified } from './script.js';

/** guide.yaml `terms:`: the office's own choices, over the built-in dictionary. */
export interface ConvertTerms {
  /** How to write tai: 臺 (Taiwan's standard form, OpenCC's output) or 台 (everyday usage). */
  prefer?: '臺' | '台';
  /** Terms written exactly as given, in Simplified or Traditional source text alike. */
  keep?: readonly string[];
  /** The office's own pairs, Simplified → Traditional. */
  pairs?: Readonly<Record<string, string>>;
}

export interface ConvertOptions {
  terms?: ConvertTerms;
  /** Plain OpenCC s2twp, without our dictionary and without leaving Traditional clauses alone (for comparison). */
  plain?: boolean;
}

let openccChain: ConverterFunction | undefined;
let toSimplified: ConverterFunction | undefined;

/** OpenCC s2twp, as opencc-js's `Converter({ from: 'cn', to: 'twp' })` builds it. */
function opencc(): ConverterFunction {
  openccChain ??= ConverterFactory(
    [simplifiedPhrases, simplifiedCharacters],
    [taiwanPhrases],
    [taiwanVariantPhrases, taiwanVariants],
  );
  return openccChain;
}

function simplify(text: string): string {
  toSimplified ??= ConverterFactory([traditionalPhrases, traditionalCharacters]);
  return toSimplified(text);
}

/** Sentence and line ends: a clause is converted, or left alone, as a whole. */
const clauseEnd = /(?<=[。！？；\n])/;

/** A function that converts one text value. */
export type Convert = (text: string) => string;

/** Builds a converter; build it once and call it for every value. */
export function createConverter(options: ConvertOptions = {}): Convert {
  const chain = opencc();
  if (options.plain) return chain;
  const terms = options.terms ?? {};
  const taiwanTai = terms.prefer === '台' ? (text: string) => text.replaceAll('臺', '台') : (text: string) => text;

  // Later entries win over earlier ones for the same key: built-in, then keep, then pairs.
  const overrides = new Trie();
  for (const [simplified, traditional] of administrativePairs) {
    overrides.addWord(traditional, taiwanTai(traditional));
    overrides.addWord(simplified, taiwanTai(traditional));
  }
  for (const term of terms.keep ?? []) {
    overrides.addWord(simplify(term), term);
    overrides.addWord(term, term);
  }
  for (const [simplified, traditional] of Object.entries(terms.pairs ?? {})) {
    overrides.addWord(simplified, traditional);
  }

  const convertClause = (clause: string): string => {
    let out = '';
    let gapStart = 0;
    for (let i = 0; i < clause.length;) {
      const match = overrides.matchPrefix(clause, i);
      if (match) {
        out += taiwanTai(chain(clause.slice(gapStart, i))) + match.value;
        i = gapStart = match.end;
      } else {
        i += (clause.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      }
    }
    return out + taiwanTai(chain(clause.slice(gapStart)));
  };

  return (text) =>
    text
      .split(clauseEnd)
      .map((clause) => (hasSimplified(clause) ? convertClause(clause) : clause))
      .join('');
}
