/**
 * Complex fields (w:fldChar begin … instrText … separate … result … end), written as Word
 * writes them, so a field can span paragraphs (the TOC) and carry a result that reads right
 * before anything updates it (the TOC's PAGEREF page numbers, the footer's page total).
 */

import { el, type XmlNode } from './xml.js';

function fieldChar(type: 'begin' | 'separate' | 'end', dirty = false): XmlNode {
  return el('w:r', undefined, [
    el('w:fldChar', dirty ? { 'w:fldCharType': type, 'w:dirty': 'true' } : { 'w:fldCharType': type }),
  ]);
}

/**
 * The runs that open a field up to its result. A dirty field is one Word updates when it
 * opens the file (after asking), for a result written without what it needs, such as a TOC
 * without page numbers.
 */
export function fieldStart(instruction: string, dirty = false): XmlNode[] {
  return [
    fieldChar('begin', dirty),
    el('w:r', undefined, [el('w:instrText', { 'xml:space': 'preserve' }, [` ${instruction} `])]),
    fieldChar('separate'),
  ];
}

/** The run that closes a field after its result. */
export function fieldEnd(): XmlNode {
  return fieldChar('end');
}

/** A whole field in one paragraph, with its result as text when known (else empty, for the reader to work out). */
export function field(instruction: string, result: string | undefined): XmlNode[] {
  const resultRun =
    result === undefined ? [] : [el('w:r', undefined, [el('w:t', { 'xml:space': 'preserve' }, [result])])];
  return [...fieldStart(instruction), ...resultRun, fieldEnd()];
}
