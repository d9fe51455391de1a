/**
 * A message in every language guide speaks, as one typed value. Values go in through «name»
 * placeholders, which every translation must use alike (a test checks it), so a translator moves
 * them freely. English plurals are written «name|one|other»: the word for the count «name» holds
 * (`«n» «n|file|files»`); Chinese has one form and writes «n» alone.
 */

import { currentLanguage, type Language } from './language.js';

export type Translations = Readonly<Record<Language, string>>;

/** The «name» placeholders of a template, as a union of names. */
type Placeholders<T extends string> = T extends `${string}«${infer Token}»${infer Rest}`
  ? (Token extends `${infer Name}|${string}` ? Name : Token) | Placeholders<Rest>
  : never;

type Values<T extends string> = [Placeholders<T>] extends [never]
  ? []
  : [values: { readonly [Name in Placeholders<T>]: string | number }];

export interface Message<V extends unknown[]> {
  /** The message in the current language. */
  (...values: V): string;
  /** The message in `language`. */
  in(language: Language, ...values: V): string;
  readonly translations: Translations;
}

// A regular expression from a string: the bundle then holds it in ASCII escapes (see
// "Startup bundle" in docs/decisions.md).
const placeholder = new RegExp('«([^«»]+)»', 'g');

export function message<const T extends Translations>(translations: T): Message<Values<T['en']>> {
  const inLanguage = (language: Language, ...values: unknown[]) => {
    const given = (values[0] ?? {}) as Record<string, string | number>;
    return translations[language].replace(placeholder, (whole, token: string) => {
      const [name, one, other] = token.split('|') as [string, string?, string?];
      if (!(name in given)) return whole;
      const value = given[name]!;
      return one === undefined ? String(value) : Number(value) === 1 ? one : (other ?? one);
    });
  };
  const made = (...values: unknown[]) => inLanguage(currentLanguage(), ...values);
  return Object.assign(made, { in: inLanguage, translations }) as unknown as Message<Values<T['en']>>;
}

/** A group of messages; the catalogue test walks every group. */
export type MessageGroup = Readonly<Record<string, Message<never[]> | Message<[never]>>>;
