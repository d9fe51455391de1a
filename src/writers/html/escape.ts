/** Text and attribute values as HTML: every value a user wrote passes through here. */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value (quoted with "), with the five characters that matter escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char]!);
}

/**
 * A class name made of a role's letters, digits and hyphens, so a role the writer does not know
 * yet (a new paragraph role) still reaches the page as a class a stylesheet can pick up.
 */
export function classToken(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

/**
 * Whether an address may be a link: a heading in the page (`#id`), or http(s), mail and
 * telephone addresses. Anything else (a `javascript:` URL) is printed as text, never followed.
 */
export function isSafeHref(url: string): boolean {
  return /^(#|https?:\/\/|mailto:|tel:)/i.test(url);
}
