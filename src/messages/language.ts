/**
 * The language guide speaks to its reader: Simplified Chinese for mainland office staff, Traditional
 * Chinese, or English. Chosen once per process, before any message is made, from `--lang`, else
 * the environment as POSIX programs read it; this module never reads the environment itself.
 */

export const languages = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: string): value is Language {
  return (languages as readonly string[]).includes(value);
}

/**
 * The language of a locale name as `LANG` holds it (`zh_CN.UTF-8`, `zh_TW`, `en_US`) or as a
 * BCP 47 tag (`zh-Hans`, `zh-Hant-TW`). Mainland China and Singapore write Simplified; Taiwan, Hong
 * Kong and Macao Traditional; any other locale, C and POSIX included, gets English.
 */
export function languageOfLocale(locale: string): Language {
  const tag = locale.split(/[.@]/)[0]!.replace(/_/g, '-').toLowerCase();
  const [lang, ...rest] = tag.split('-');
  if (lang !== 'zh') return 'en';
  if (rest.includes('hant')) return 'zh-Hant';
  if (rest.includes('hans')) return 'zh-Hans';
  return rest.some((part) => ['tw', 'hk', 'mo'].includes(part)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * `GUIDE_LANG`, else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (the order POSIX gives
 * them), else English.
 */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language {
  for (const name of ['GUIDE_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return languageOfLocale(value);
  }
  return 'en';
}

/**
 * English until an entry point sets it: the command line from the environment it is given, the
 * library (src/index.ts) from the process's when it is imported, a batch worker from its run.
 */
let current: Language = 'en';

/** Messages made from now on are in `language`. The CLI calls it first; a library user may too. */
export function setLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}
