/**
 * Paragraphs and runs in body XML, with their properties in the order the schema requires
 * (Word reports a file with them out of order as damaged).
 */

import { el, val, type XmlNode } from './xml.js';

/** A run of text, with a character style and direct bold/italic if given. */
export function textRun(text: string, format: RunFormat = {}): XmlNode {
  const properties = [
    ...(format.style ? [val('w:rStyle', format.style)] : []),
    ...(format.eastAsiaFont ? [el('w:rFonts', { 'w:eastAsia': format.eastAsiaFont })] : []),
    ...(format.bold ? [el('w:b')] : []),
    ...(format.italics ? [el('w:i')] : []),
  ];
  const t = el('w:t', { 'xml:space': 'preserve' }, [text]);
  return el('w:r', undefined, properties.length > 0 ? [el('w:rPr', undefined, properties), t] : [t]);
}

/**
 * The DOCX font name for a character the primary font lacks (`fonts.docx.eastAsiaFallback`),
 * undefined for the characters it has.
 */
export type FallbackFontOf = (cp: number) => string | undefined;

/**
 * `text` cut where it moves between characters the primary font has and characters a fallback
 * font draws, each piece with that fallback font's name (undefined: the primary font).
 */
export function fontSegments(text: string, fallbackOf: FallbackFontOf | undefined): { text: string; font?: string }[] {
  if (!fallbackOf) return [{ text }];
  const segments: { text: string; font?: string }[] = [];
  let start = 0;
  let font: string | undefined;
  for (let at = 0; at < text.length; at++) {
    const cp = text.codePointAt(at)!;
    const next = fallbackOf(cp);
    if (next !== font && at > start) {
      segments.push({ text: text.slice(start, at), ...(font ? { font } : {}) });
      start = at;
    }
    font = next;
    if (cp > 0xffff) at++;
  }
  segments.push({ text: text.slice(start), ...(font ? { font } : {}) });
  return segments;
}

/**
 * Runs of `text`: those holding characters the primary font lacks name the fallback font that
 * has them, so Word and LibreOffice draw them with it rather than with a font of their choosing.
 */
export function textRuns(text: string, format: RunFormat, fallbackOf: FallbackFontOf | undefined): XmlNode[] {
  return fontSegments(text, fallbackOf).map((segment) =>
    textRun(segment.text, segment.font ? { ...format, eastAsiaFont: segment.font } : format),
  );
}

/** A run holding a tab character. */
export function tabRun(): XmlNode {
  return el('w:r', undefined, [el('w:tab')]);
}

/** Character formatting of a run: a character style, and bold or italic on top of it. */
export interface RunFormat {
  style?: string;
  /** The East Asian font of the run, over the style's (a fallback font: `textRuns`). */
  eastAsiaFont?: string;
  bold?: boolean;
  italics?: boolean;
}

/** Paragraph properties we set; written in the order the schema requires (Word rejects others). */
export interface ParagraphProps {
  style: string;
  pageBreakBefore?: boolean;
  numbering?: { numId: number; level: number };
  /** Right tab with dot leader at this position (TOC entries). */
  dottedTabAt?: number;
  spacing?: { before?: number; after?: number; line?: number; lineRule?: string };
  indentLeft?: number;
  align?: string;
}

/** A paragraph with the given properties and content. */
export function paragraphXml(props: ParagraphProps, content: readonly XmlNode[]): XmlNode {
  const properties: XmlNode[] = [val('w:pStyle', props.style)];
  if (props.pageBreakBefore) properties.push(el('w:pageBreakBefore'));
  if (props.numbering)
    properties.push(
      el('w:numPr', undefined, [val('w:ilvl', props.numbering.level), val('w:numId', props.numbering.numId)]),
    );
  if (props.dottedTabAt !== undefined)
    properties.push(
      el('w:tabs', undefined, [el('w:tab', { 'w:val': 'right', 'w:leader': 'dot', 'w:pos': props.dottedTabAt })]),
    );
  if (props.spacing) {
    const { before, after, line, lineRule } = props.spacing;
    const attributes: Record<string, number | string> = {};
    if (before !== undefined) attributes['w:before'] = before;
    if (after !== undefined) attributes['w:after'] = after;
    if (line !== undefined) attributes['w:line'] = line;
    if (lineRule !== undefined) attributes['w:lineRule'] = lineRule;
    properties.push(el('w:spacing', attributes));
  }
  if (props.indentLeft !== undefined) properties.push(el('w:ind', { 'w:left': props.indentLeft }));
  if (props.align) properties.push(val('w:jc', props.align));
  return el('w:p', undefined, [el('w:pPr', undefined, properties), ...content]);
}
