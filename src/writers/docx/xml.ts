/**
 * WordprocessingML built as plain objects and written to text here (a guide has ~17,000
 * elements, and a batch writes one guide per firm: a component tree, as the docx library builds
 * one, cost ~5 µs an element to build and walk).
 *
 * An element is `{ name: content }`: content is `{}` (empty), `{ _attr }` (attributes only), or
 * an array of `{ _attr }` first, then child elements, or a single text string.
 */

/** Attribute values; strings are escaped when written. */
export type XmlAttributes = Record<string, string | number>;

/** One XML element in object form. */
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Escapes text or an attribute value. Control characters XML 1.0 does not allow are dropped:
 * Word refuses a file that holds one.
 */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  return text.replace(/[&<>"\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? '');
}

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Text or an attribute value as XML escaped it (the five named entities; what `escapeXml` and docx write). */
export function unescapeXml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => UNESCAPES[entity]!);
}

function attributesXml(attributes: XmlAttributes): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name]!;
    out += ` ${name}="${typeof value === 'number' ? value : escapeXml(value)}"`;
  }
  return out;
}

/** An element as XML text. */
export function xmlText(node: XmlNode): string {
  let out = '';
  for (const name in node) {
    const content = node[name]!;
    if (!Array.isArray(content)) {
      const attributes = (content as { _attr?: XmlAttributes })._attr;
      out += `<${name}${attributes ? attributesXml(attributes) : ''}/>`;
      continue;
    }
    let open = `<${name}`;
    let inner = '';
    for (const child of content as ReadonlyArray<XmlNode | { readonly _attr: XmlAttributes } | string>) {
      if (typeof child === 'string') inner += escapeXml(child);
      else if ('_attr' in child) open += attributesXml(child._attr as XmlAttributes);
      else inner += xmlText(child as XmlNode);
    }
    out += inner === '' ? `${open}/>` : `${open}>${inner}</${name}>`;
  }
  return out;
}
