/** The names the body gives its styles (styles.ts builds the style sheet). */

import type { ParagraphRole } from '../../model/doc-model.js';

/** Style ids the content refers to. Ids are what Word stores; names are what staff see. */
export const StyleId = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  coverMeta: 'CoverMeta',
  lead: 'Lead',
  note: 'Note',
  letter: 'Letter',
  signature: 'Signature',
  heading: { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3' },
  /** Headings with `toc: false`: the heading's look, but body-text outline level, so Word's TOC and navigation pane skip them as the PDF outline does. */
  unlistedHeading: { 1: 'Heading1Unlisted', 2: 'Heading2Unlisted', 3: 'Heading3Unlisted' },
  tocHeading: 'TOCHeading',
  toc: { 1: 'TOC1', 2: 'TOC2', 3: 'TOC3' },
  listParagraph: 'ListParagraph',
  tableText: 'TableText',
  tableList: 'TableList',
  tableSpacing: 'TableSpacing',
  header: 'Header',
  footer: 'Footer',
  rule: 'HorizontalRule',
  qrUrl: 'QrUrl',
  hyperlink: 'Hyperlink',
  strong: 'Strong',
  emphasis: 'Emphasis',
  cardTable: 'GuideCardTable',
  gridTable: 'GuideGridTable',
  qrTable: 'GuideQrTable',
} as const;

/** The paragraph style of each paragraph role outside tables. */
export const roleStyle: Record<ParagraphRole, string> = {
  body: StyleId.normal,
  title: StyleId.title,
  subtitle: StyleId.subtitle,
  'cover-meta': StyleId.coverMeta,
  lead: StyleId.lead,
  note: StyleId.note,
  letter: StyleId.letter,
  signature: StyleId.signature,
};
