/** "Did you mean" suggestions for misspelt field names and codes. */

/**
 * Optimal string alignment distance between two short strings: Levenshtein with swapped
 * neighbours as one edit, the commonest typo ("titel" for "title").
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Whether two strings can be within `limit` edits: their lengths differ by no more. Checked
 * first, so a value of 30,000 characters is never aligned with every name (quadratic time).
 */
export function withinReach(a: string, b: string, limit: number): boolean {
  return Math.abs(a.length - b.length) <= limit;
}

/** The closest candidate, if it is close enough to be a likely typo (or a case/underscore slip). */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const normalise = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const allowed = Math.max(1, Math.floor(Math.max(input.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const a = normalise(input);
    const b = normalise(candidate);
    // A plural or a cut-off word ("taxes", "manufactur") is a likely slip even when many letters differ.
    const prefix = Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a));
    const distance =
      a === b
        ? 0
        : prefix
          ? 1
          : withinReach(input, candidate, allowed)
            ? editDistance(input.toLowerCase(), candidate.toLowerCase())
            : Infinity;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
