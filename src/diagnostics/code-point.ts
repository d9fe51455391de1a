/** A character as diagnostics name it: `"😷" (U+1F637)`, readable and exact at once. */
export function describeCodePoint(codePoint: number): string {
  return `"${String.fromCodePoint(codePoint)}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}
