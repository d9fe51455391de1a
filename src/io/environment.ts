/** What the library takes from the environment of the process that imports it. */

import { languageFromEnvironment, type Language } from '../messages/language.js';

/** The language this process's environment asks for: GUIDE_LANG, else the locale. */
export function processLanguage(): Language {
  return languageFromEnvironment(process.env);
}
