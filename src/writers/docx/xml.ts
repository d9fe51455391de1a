/**
 * Body XML built directly as the objects docx's XML writer serialises, rather than as docx
 * components. docx spends ~5 µs per element building and walking its component tree; a guide
 * has ~17,000 elements (card tables, lists), which put a 40k-character edition well over the
 * 150 ms budget. The objects go through docx's own writer, so escaping and the rest of the
 * package (sections, headers, images, styles) stay docx's.
 *
 * An element is `{ name: content }`: content is `{}` (empty), `{ _attr }` (attributes only), or
 * an array of `{ _attr }` first, then child elements, or a single text string.
 */

import { FileChild, TextRun, type IXmlableObject } from 'docx';

/** Attribute values; docx's writer escapes strings. */
export type XmlAttributes = Record<string, string | number>;

/** One XML element in docx's writer's object form. */
export interface XmlNode {
  readonly [name: string]: XmlContent;
}

type XmlContent =
  | Readonly<Record<string, never>>
  | { readonly _attr: XmlAttributes }
  | ReadonlyArray<XmlNode | { readonly _attr: XmlAttributes } | string>;

/** An element with optional attributes and children (elements, or one text string). */
export function el(name: string, attributes?: XmlAttributes, children: ReadonlyArray<XmlNode | string> = []): XmlNode {
  if (children.length === 0) return { [name]: attributes ? { _attr: attributes } : {} };
  return { [name]: attributes ? [{ _attr: attributes }, ...children] : children };
}

/** `w:val`-only elements, the commonest shape in WordprocessingML. */
export function val(name: string, value: string | number): XmlNode {
  return { [name]: { _attr: { 'w:val': value } } };
}

/** A body block (paragraph, table, content control) already in XML form. */
export class XmlBlock extends FileChild {
  constructor(private readonly xml: XmlNode) {
    super(Object.keys(xml)[0]!);
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

/** A run already in XML form, for docx paragraphs (the footer's fields). */
export class XmlRun extends TextRun {
  constructor(private readonly xml: XmlNode) {
    super({});
  }

  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}
