/**
 * Every diagnostic code, in one table, with the severity it is reported at and the hint shown
 * when the reporting site has nothing more specific to say. Staff search for these codes, so a
 * code, once released, keeps its meaning.
 */

import type { Severity } from './diagnostic.js';

interface CodeInfo {
  severity: Severity;
  /** What the code means, for `guide validate --help` readers and the README table. */
  summary: string;
}

export const codes = {
  // Reading files
  'E-FILE-READ': { severity: 'error', summary: 'a file could not be read' },
  'E-FILE-TOO-LARGE': { severity: 'error', summary: 'a file is larger than the size limit' },
  'E-ENCODING': {
    severity: 'error',
    summary: 'a file is not valid UTF-8 (often GB18030 or Big5 from a Chinese Windows editor)',
  },
  'E-CONFIG-MISSING': { severity: 'error', summary: 'no guide.yaml in this folder, any parent folder, or at --config' },
  'E-NO-MEASURES': { severity: 'error', summary: 'the policies patterns in guide.yaml match no file' },
  'W-FILE-UNMATCHED': {
    severity: 'warning',
    summary: 'a YAML file under the policies folder that no policies pattern in guide.yaml takes',
  },
  // YAML
  'E-YAML-SYNTAX': { severity: 'error', summary: 'the file is not valid YAML' },
  'E-YAML-DUPLICATE-KEY': { severity: 'error', summary: 'the same field appears twice in one mapping' },
  'E-YAML-ALIAS': { severity: 'error', summary: 'too many YAML aliases (a resource-exhaustion attack, or a mistake)' },
  'E-YAML-TAG': { severity: 'error', summary: 'a YAML tag such as !foo or !!binary is not allowed' },
  'E-YAML-FULLWIDTH-COLON': { severity: 'error', summary: 'a field name followed by a full-width colon ：' },
  'E-YAML-COLON-SPACE': { severity: 'error', summary: 'no space after the colon that ends a field name' },
  'E-YAML-FULLWIDTH-INDENT': { severity: 'error', summary: 'a line indented with full-width spaces (U+3000)' },
  'E-YAML-FULLWIDTH-QUOTE': {
    severity: 'error',
    summary: 'a value wrapped in full-width quotes (“…” ‘…’ 「…」 『…』) where YAML quotes were meant',
  },
  // Schema
  'E-TYPE': { severity: 'error', summary: 'a value has the wrong type' },
  'E-FIELD-REQUIRED': { severity: 'error', summary: 'a required field is missing' },
  'E-FIELD-UNKNOWN': { severity: 'error', summary: 'a field the format does not know (often a typo)' },
  'E-EMPTY': { severity: 'error', summary: 'a text or list that must not be empty is empty' },
  'E-ENUM': { severity: 'error', summary: 'a value is not one of the allowed values' },
  'E-PATTERN': { severity: 'error', summary: 'a value does not have the required form (e.g. kebab-case id)' },
  'E-DATE-INVALID': { severity: 'error', summary: 'a date is not a real YYYY-MM-DD calendar date' },
  'E-NUMBER-RANGE': { severity: 'error', summary: 'a number is out of range' },
  'E-URL-INVALID': { severity: 'error', summary: 'a URL is malformed or not http/https' },
  // Rules across fields and files
  'E-PERIOD-ORDER': { severity: 'error', summary: 'effective.until is before effective.from' },
  'E-ID-DUPLICATE': { severity: 'error', summary: 'two measures share one id' },
  'E-CATEGORY-UNKNOWN': { severity: 'error', summary: "a measure's category is not declared in guide.yaml" },
  'E-VOCABULARY-UNKNOWN': {
    severity: 'error',
    summary: 'an industry or need code is not declared in guide.yaml vocabularies',
  },
  'E-MARKDOWN-LINK': {
    severity: 'error',
    summary: 'a Markdown link in a text field goes to an address that is not http(s) (javascript:, file:, mailto:…)',
  },
  'E-MARKDOWN-HTML': { severity: 'error', summary: 'raw HTML in a Markdown text field' },
  'E-MARKDOWN-IMAGE': { severity: 'error', summary: 'an image in a Markdown text field (guides have none)' },
  'E-PLACEHOLDER': { severity: 'error', summary: 'an example value written by guide new has not been replaced' },
  'E-AUDIENCE-EMPTY': { severity: 'error', summary: 'an empty audience list selects no firm' },
  'E-FEE-EMPTY': { severity: 'error', summary: 'fee is empty: write 不收費 when the service is free' },
  'W-ID-FILENAME': { severity: 'warning', summary: "a measure's id differs from its file name" },
  'W-MEASURE-EXPIRED': { severity: 'warning', summary: 'a measure has expired as of the edition (or --as-of) date' },
  'W-REVIEW-MISSING': { severity: 'warning', summary: 'a measure has no reviewed date' },
  'W-REVIEW-STALE': { severity: 'warning', summary: "a measure's reviewed date is older than review.max_age_days" },
  'W-EXPIRING-SOON': {
    severity: 'warning',
    summary: 'a measure expires within the warning window after the as-of date',
  },
  'W-SCRIPT-SIMPLIFIED': {
    severity: 'warning',
    summary: 'a text value is in Simplified characters; guide convert rewrites it in Taiwan Traditional',
  },
  // Firm lists (guide batch)
  'E-FIRMS-FILE': {
    severity: 'error',
    summary: 'a firm list cannot be used: unreadable, no header row, no id or name column, or no firms',
  },
  'E-FIRM-REQUIRED': { severity: 'error', summary: "a firm's id or name is empty" },
  'E-FIRM-ID': { severity: 'error', summary: 'a firm id has characters a folder name cannot have' },
  'E-FIRM-ID-DUPLICATE': { severity: 'error', summary: 'two firms in one list share an id' },
  'E-FIRM-EMAIL': { severity: 'error', summary: "a firm's email is not an email address" },
  'E-FIRM-CODE-UNKNOWN': {
    severity: 'error',
    summary: "a firm's industry or need is neither a code nor a label in guide.yaml vocabularies",
  },
  'E-FIRM-VALUE': { severity: 'error', summary: "a firm's size or exporter value is not one the list allows" },
  'W-FIRM-COLUMN-UNKNOWN': { severity: 'warning', summary: 'a firm list column is not a firm field and is ignored' },
  'E-FIRM-BUILD': { severity: 'error', summary: "a firm's tailored guide could not be built or written" },
  // Rendering
  'E-TEMPLATE': { severity: 'error', summary: 'a template could not be rendered' },
  'E-TEMPLATE-DIRECTIVE': {
    severity: 'error',
    summary: 'rendered Markdown uses a directive or HTML the reader does not know',
  },
  'E-GLYPH-MISSING': { severity: 'error', summary: 'a character no font of the theme can draw' },
  'E-THEME': { severity: 'error', summary: 'templates/theme.yaml is invalid' },
  'E-THEME-FONT': {
    severity: 'error',
    summary: 'a PDF font named in templates/theme.yaml is missing or is not a .ttf or .otf font',
  },
  // Releases (guide diff, guide build --since)
  'E-MANIFEST-INVALID': {
    severity: 'error',
    summary: 'a manifest.json given to compare against is not one guide build wrote',
  },
  'W-CHANGES-NOT-SHOWN': {
    severity: 'warning',
    summary: 'build --since was given, but the templates never include the changes section ({{> changes}})',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof codes;
