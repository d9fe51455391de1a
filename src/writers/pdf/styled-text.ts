/**
 * Inline content → one string with a style per character: the form line breaking works on.
 * White space is collapsed as in HTML, except that a source line break between two CJK
 * characters disappears (Chinese has no spaces between words).
 */

import type { Inline } from '../../model/doc-model.js';
import { HARD_BREAK, isCollapsibleSpace, isWide } from './chars.js';
import type { FontKey, LinkTarget } from './types.js';

/** How a stretch of characters is drawn. */
export interface RunStyle {
  font: FontKey;
  color: string;
  link: LinkTarget | null;
}

/** Text with a style index per UTF-16 code unit. Hard breaks are `HARD_BREAK` characters. */
export interface StyledText {
  text: string;
  styleOf: Uint16Array;
  styles: RunStyle[];
}

/** The paragraph's own look, before inline markup. */
export interface BaseStyle {
  bold: boolean;
  color: string;
}

/** Colours inline markup switches to. */
export interface InlineColors {
  /** Emphasis: CJK has no italic, so emphasis is set in the accent colour. */
  accent: string;
  link: string;
}

/** Where a model link goes: `#id` is a heading of this document, anything else a web address. */
function linkTarget(url: string): LinkTarget {
  return url.startsWith('#') ? { kind: 'dest', id: url.slice(1) } : { kind: 'uri', uri: url };
}

/** Flattens inlines into styled text with white space collapsed and trimmed. */
export function styleInlines(inlines: Inline[], base: BaseStyle, colors: InlineColors): StyledText {
  const styles: RunStyle[] = [];
  const styleIds = new Map<string, number>();
  let raw = '';
  const rawStyle: number[] = [];

  const styleId = (style: RunStyle): number => {
    const key = `${style.font}|${style.color}|${style.link ? JSON.stringify(style.link) : ''}`;
    let id = styleIds.get(key);
    if (id === undefined) {
      id = styles.length;
      styles.push(style);
      styleIds.set(key, id);
    }
    return id;
  };

  const walk = (nodes: Inline[], style: RunStyle): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const id = styleId(style);
          raw += node.value;
          for (let i = 0; i < node.value.length; i++) rawStyle.push(id);
          break;
        }
        case 'break':
          raw += HARD_BREAK;
          rawStyle.push(styleId(style));
          break;
        case 'strong':
          walk(node.children, { ...style, font: 'bold' });
          break;
        case 'emphasis':
          // Inside a link the link colour wins: it is what tells the reader it can be clicked.
          walk(node.children, style.link ? style : { ...style, color: colors.accent });
          break;
        case 'link':
          walk(node.children, { ...style, color: colors.link, link: linkTarget(node.url) });
          break;
      }
    }
  };
  walk(inlines, { font: base.bold ? 'bold' : 'regular', color: base.color, link: null });

  let text = '';
  const outStyle: number[] = [];
  let prevCp = -1; // last code point written, -1 at the start and after a hard break
  const hardBreakCp = HARD_BREAK.codePointAt(0) as number;
  for (let i = 0; i < raw.length;) {
    const cp = raw.codePointAt(i) as number;
    if (!isCollapsibleSpace(cp)) {
      // A stretch without collapsible space is copied in one slice, not a character at a time.
      let j = i;
      let last = cp;
      while (j < raw.length) {
        const next = raw.codePointAt(j) as number;
        if (isCollapsibleSpace(next)) break;
        last = next;
        j += next > 0xffff ? 2 : 1;
      }
      text += raw.slice(i, j);
      for (let k = i; k < j; k++) outStyle.push(rawStyle[k]!);
      prevCp = last === hardBreakCp ? -1 : last;
      i = j;
      continue;
    }
    let j = i;
    let spaceOrTab = false;
    while (j < raw.length && isCollapsibleSpace(raw.charCodeAt(j))) {
      const c = raw.charCodeAt(j);
      if (c === 0x20 || c === 0x09) spaceOrTab = true;
      j++;
    }
    const nextCp = j < raw.length ? (raw.codePointAt(j) as number) : -1;
    const trimmed = prevCp === -1 || nextCp === -1 || nextCp === hardBreakCp;
    const cjkJoin = !spaceOrTab && isWide(prevCp) && isWide(nextCp);
    if (!trimmed && !cjkJoin) {
      text += ' ';
      outStyle.push(rawStyle[i]!);
      prevCp = 0x20;
    }
    i = j;
  }
  return { text, styleOf: Uint16Array.from(outStyle), styles };
}
