/**
 * Escaping for values put into Markdown. Templates produce Markdown, and most measure fields are
 * plain text (an authority, a phone number, a document title): a `*`, `|` or `[` in them must
 * print as itself, not start emphasis, end a table cell or open a link. Fields that are Markdown
 * on purpose (summary, content, eligibility) are inserted as written, never through these.
 */

import { joinLines } from '../model/cjk.js';

// Every ASCII punctuation character that can start or end Markdown syntax in the middle of a
// line (CommonMark inlines, GFM table pipes, `{#id}` heading ids and directive attributes). A
// backslash before any ASCII punctuation is always a valid escape, so escaping too much is safe.
const inlineSyntax = /[\\`*_[\]<>|#~&{}]/g;
// `:name` starts a text directive (before an ASCII letter) and a run of colons opens or closes a
// directive block; "9:00" and "https://" are safe.
const directiveColon = /:(?=[A-Za-z:])|(?<=:):/g;

/**
 * Plain text as Markdown inline content that reads back as exactly the same text: Markdown
 * syntax characters are backslash-escaped, and line breaks are joined (a plain-text value is one
 * line, so it cannot end a table row or a list item early). Leading and trailing space goes, so a
 * value at the start of a line can never become an indented code block.
 */
export function escapeText(value: string): string {
  let text = joinLines(value.trim()).replace(inlineSyntax, '\\$&').replace(directiveColon, '\\:');
  // Only at the start of a line do these mean something: a list item ("- ", "+ ", "1. ", "1) "),
  // or a setext heading underline ("=", "-"). The value may be put at the start of a line.
  if (/^[-+=]/.test(text)) text = `\\${text}`;
  return text.replace(/^(\d{1,9})([.)])(?= |$)/, '$1\\$2');
}

/**
 * At the start of a line of a Markdown field (after any indent, list markers and `>`), what would
 * open or close a block of the template around it: a directive fence (`:::`, `::toc`), an ATX
 * heading (`# `), a setext underline or thematic break (`=`, `-`, `***`, `___`), a code fence.
 */
const blockOpener =
  /^([ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]?)*)(:{2,}|#{1,6}(?=[ \t]|$)|=+[ \t]*$|-+[ \t]*$|[*_]{3,}[ \t]*$|`{3,}|~{3,})/gm;

/**
 * A Markdown field (summary, content…) as written, except that no line can open or close a block
 * of the template it is put into: such a line start is backslash-escaped and prints as typed.
 * Bold, links and lists are kept.
 */
export function neutraliseBlocks(markdown: string): string {
  return markdown.replace(blockOpener, (_all, lead: string, opener: string) => `${lead}\\${opener}`);
}

/** The lines `neutraliseBlocks` changes, with what they start with: `guide validate` says so. */
export function blockOpenings(markdown: string): { line: string; opener: string }[] {
  return [...markdown.matchAll(blockOpener)].map((found) => {
    const lineEnd = markdown.indexOf('\n', found.index);
    return { line: markdown.slice(found.index, lineEnd < 0 ? undefined : lineEnd), opener: found[2]! };
  });
}

/**
 * A value for a quoted directive attribute (`::qr{url="…"}`): the directive parser decodes
 * character references there, and knows no backslash escapes.
 */
export function escapeAttribute(value: string): string {
  return joinLines(value.trim()).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * A link destination in angle brackets (`[text](<…>)`), which may hold spaces and parentheses;
 * backslash escapes and character references are decoded there, so `\`, `<`, `>` and `&` are
 * escaped, and a line break (never part of a URL) is dropped.
 */
export function escapeDestination(url: string): string {
  return `<${url
    .trim()
    .replace(/[\r\n]/g, '')
    .replace(/[\\<>&]/g, '\\$&')}>`;
}

/** Indents every line but the first by `width` spaces, leaving blank lines empty. */
export function indentLines(text: string, width: number): string {
  const pad = ' '.repeat(width);
  return text.replace(/(\r\n?|\n)([^\r\n])/g, `$1${pad}$2`);
}
