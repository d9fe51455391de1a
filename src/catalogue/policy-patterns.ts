/**
 * guide.yaml `policies:` patterns, matched by picomatch (braces `{yaml,yml}`, classes `[a-z]`,
 * `**`, and `!pattern` to leave files out). Pure: the readers in io/ walk the folders and ask here.
 */

import picomatch from 'picomatch';

/** A pattern as written, with Windows separators and a leading `./` taken off. */
function normalisePattern(pattern: string): string {
  return pattern.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** `.YAML`, `.Yml`…: the extension in lower case, so `*.yaml` takes a file whatever its case. */
function normaliseFile(file: string): string {
  return file.replace(/\.(ya?ml)$/i, (extension) => extension.toLowerCase());
}

/** Whether a file name ends in .yaml or .yml, in any case. */
export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

/** Wildcards in one part of a path at most: each more multiplies the backtracking of a file name that nearly matches. */
const MAX_STARS_IN_A_PART = 3;

/**
 * Whether picomatch can make a test of `pattern` that answers at once: not one so long or so full
 * of braces and classes that its regular expression is too large for JavaScript, nor one with so
 * many wildcards in a part that matching a file name can take minutes (`*a*a*a*a*a*a*b`).
 */
export function isUsablePattern(pattern: string): boolean {
  const normalised = normalisePattern(pattern);
  const stars = (part: string) => (part === '**' ? 0 : part.split('*').length - 1);
  if (normalised.split('/').some((part) => stars(part) > MAX_STARS_IN_A_PART)) return false;
  try {
    // V8 compiles a regular expression when it first runs: that is where one too large fails.
    picomatch.makeRe(normalised.startsWith('!') ? normalised.slice(1) : normalised).test('policies/a.yaml');
    return true;
  } catch {
    return false;
  }
}

/**
 * A test for forward-slash paths relative to the edition folder: taken by at least one pattern
 * and left out by no `!pattern`.
 */
export function policyMatcher(patterns: readonly string[]): (file: string) => boolean {
  const normalised = patterns.map(normalisePattern);
  const positive = normalised.filter((p) => !p.startsWith('!'));
  const negative = normalised.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  if (positive.length === 0) return () => false;
  const taken = picomatch(positive);
  const left = negative.length > 0 ? picomatch(negative) : () => false;
  return (file) => {
    const name = normaliseFile(file);
    return taken(name) && !left(name);
  };
}

/** A test for files a `!pattern` leaves out on purpose (no warning is due for them). */
export function excludedByPattern(patterns: readonly string[]): (file: string) => boolean {
  const negative = patterns
    .map(normalisePattern)
    .filter((p) => p.startsWith('!'))
    .map((p) => p.slice(1));
  if (negative.length === 0) return () => false;
  const left = picomatch(negative);
  return (file) => left(normaliseFile(file));
}

/**
 * The folders the positive patterns look in (`policies` for `policies/**\/*.yaml`), where a
 * walk starts; '' for a pattern that can match anywhere.
 */
export function patternFolders(patterns: readonly string[]): string[] {
  const folders = patterns
    .map(normalisePattern)
    .filter((p) => !p.startsWith('!'))
    .map((p) => {
      const scanned = picomatch.scan(p);
      return scanned.isGlob ? scanned.base : p.split('/').slice(0, -1).join('/');
    });
  return [...new Set(folders)];
}
