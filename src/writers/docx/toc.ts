/**
 * The table of contents: a real Word TOC field in Word's "Table of Contents" content control,
 * with its result written out (entries linked to the headings' bookmarks, page numbers as
 * PAGEREF fields holding the PDF's numbers), so it reads right before any update and Word's
 * "Update Table" rebuilds it from the heading styles.
 */

import type { Theme } from '../theme.js';
import { field, fieldEnd, fieldStart } from './fields.js';
import { paragraphXml, tabRun, textRuns, type FallbackFontOf } from './paragraph.js';
import { StyleId } from './style-ids.js';
import type { PageGeometry } from './units.js';
import { el, val, type XmlNode } from './xml.js';

/** One line of the contents: a TOC entry with its Word bookmark and its page. */
export interface TocLine {
  level: 1 | 2 | 3;
  title: string;
  /** The heading's bookmark. */
  bookmark: string;
  /** The page in the PDF layout, when known; without it the entry has no number rather than a made-up one. */
  page: number | undefined;
}

/**
 * The TOC title and field, in the content control Word wraps its own TOC in (which gives it
 * the "Update Table" button). `\o` takes the heading styles down to the theme's depth, `\u` the
 * outline levels (so unlisted headings, at body level, stay out), `\h` makes entries links and
 * `\z` hides page numbers in web view. The field is marked dirty, for Word to refresh it on
 * opening, only when some entry has no page number to show.
 */
export function tableOfContents(
  title: string,
  entries: readonly TocLine[],
  { theme, page, fallbackOf }: { theme: Theme; page: PageGeometry; fallbackOf: FallbackFontOf | undefined },
  breakBefore: boolean,
): XmlNode {
  const instruction = `TOC \\o "1-${theme.toc.depth}" \\h \\z \\u`;
  const dirty = entries.length === 0 || entries.some((entry) => entry.page === undefined);
  const heading = paragraphXml(
    { style: StyleId.tocHeading, pageBreakBefore: breakBefore },
    textRuns(title, {}, fallbackOf),
  );
  const lines =
    entries.length === 0
      ? [paragraphXml({ style: StyleId.normal }, [...fieldStart(instruction, dirty), fieldEnd()])]
      : entries.map((entry, index) => {
          const number =
            entry.page === undefined ? [] : [tabRun(), ...field(`PAGEREF ${entry.bookmark} \\h`, String(entry.page))];
          // Word puts the dotted right tab, at the right margin, on each entry itself.
          return paragraphXml({ style: StyleId.toc[entry.level], dottedTabAt: page.textWidth }, [
            ...(index === 0 ? fieldStart(instruction, dirty) : []),
            el('w:hyperlink', { 'w:anchor': entry.bookmark, 'w:history': 1 }, [
              ...textRuns(entry.title, {}, fallbackOf),
              ...number,
            ]),
            ...(index === entries.length - 1 ? [fieldEnd()] : []),
          ]);
        });
  const properties = el('w:sdtPr', undefined, [
    el('w:docPartObj', undefined, [val('w:docPartGallery', 'Table of Contents'), el('w:docPartUnique')]),
  ]);
  return el('w:sdt', undefined, [properties, el('w:sdtContent', undefined, [heading, ...lines])]);
}
