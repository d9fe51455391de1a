/**
 * Line breaking: UAX #14 opportunities (the `linebreak` package) narrowed by kinsoku shori,
 * greedy first-fit filling, then setting each line into drawable runs, with CJK lines
 * justified by spreading the spare width over the gaps between characters.
 */

import LineBreaker from 'linebreak';
import { HARD_BREAK, isNoLineEnd, isNoLineStart, isWide } from './chars.js';
import type { RunStyle, StyledText } from './styled-text.js';
import type { LinkTarget, TextRun } from './types.js';

/** Tolerance for comparing widths: sums of floats must not push a fitting line over. */
const EPSILON = 1e-6;
/**
 * Most a justified gap may widen, in ems. A CJK line is short by less than a character, so
 * its gaps widen by a few hundredths of an em; a line cut short before a long Latin or number
 * run would be torn apart instead, and is left unjustified.
 */
const MAX_JUSTIFY_GAP = 0.3;

/** A place a line may end: before UTF-16 index `position`. */
export interface BreakPoint {
  position: number;
  /** A hard break or the end of the text. */
  required: boolean;
}

/** One line of a paragraph: code units [start, end), trailing spaces and hard break excluded. */
export interface LineSpan {
  start: number;
  end: number;
  /** Natural width in points. */
  width: number;
  /** Ends the paragraph or a hard break, so it is not justified. */
  last: boolean;
}

/** Horizontal alignment of a line in its box. */
export type Align = 'left' | 'center' | 'right' | 'justify';

/** A set line: x is relative to the left of the line's box. */
export interface SetLine {
  x: number;
  width: number;
  text: string;
  runs: TextRun[];
  links: { x: number; width: number; target: LinkTarget }[];
}

function lastCodePointBefore(text: string, index: number): number {
  let i = index - 1;
  while (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  if (i < 0) return -1;
  const unit = text.charCodeAt(i);
  return unit >= 0xdc00 && unit <= 0xdfff && i > 0 ? (text.codePointAt(i - 1) as number) : unit;
}

/**
 * Where lines may end. UAX #14 already keeps closing punctuation off line starts and opening
 * brackets off line ends, keeps Latin words and numbers whole and lets CJK break between any
 * two ideographs; the kinsoku sets add what it allows but Chinese typesetting does not
 * (a line starting with "—" or "…", a "·" or "％" stranded at a line start, etc.).
 * The last break point is always the end of the text.
 */
export function breakOpportunities(text: string): BreakPoint[] {
  const points: BreakPoint[] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position >= text.length) break;
    if (!b.required) {
      const next = text.codePointAt(b.position) as number;
      if (isNoLineStart(next) || isNoLineEnd(lastCodePointBefore(text, b.position))) continue;
    }
    points.push({ position: b.position, required: b.required });
  }
  points.push({ position: text.length, required: true });
  return points;
}

/**
 * Greedy first-fit: each line takes as much as fits in `maxWidth`. Trailing spaces hang (they
 * are neither counted nor drawn). A piece with no break opportunity that is wider than the line
 * (a long URL) is cut between characters, so every line fits.
 */
export function fitLines(
  text: string,
  widths: Float64Array,
  maxWidth: number,
  breaks: BreakPoint[] = breakOpportunities(text),
): LineSpan[] {
  const prefix = new Float64Array(text.length + 1);
  for (let i = 0; i < text.length; i++) prefix[i + 1] = prefix[i]! + widths[i]!;
  const trimEnd = (start: number, position: number): number => {
    let end = position;
    while (end > start && (text[end - 1] === ' ' || text[end - 1] === HARD_BREAK)) end--;
    return end;
  };
  const skipSpaces = (position: number): number => {
    let start = position;
    while (start < text.length && text[start] === ' ') start++;
    return start;
  };
  const width = (start: number, end: number): number => prefix[end]! - prefix[start]!;

  const lines: LineSpan[] = [];
  let start = skipSpaces(0);
  let fitting: BreakPoint | null = null;
  let k = 0;
  while (k < breaks.length) {
    const point = breaks[k]!;
    if (point.position <= start && !point.required) {
      k++;
      continue;
    }
    const end = trimEnd(start, Math.max(point.position, start));
    if (width(start, end) <= maxWidth + EPSILON) {
      if (point.required) {
        lines.push({ start, end, width: width(start, end), last: true });
        start = skipSpaces(point.position);
        fitting = null;
      } else {
        fitting = point;
      }
      k++;
      continue;
    }
    if (fitting) {
      const fitEnd = trimEnd(start, fitting.position);
      lines.push({ start, end: fitEnd, width: width(start, fitEnd), last: false });
      start = skipSpaces(fitting.position);
      fitting = null;
      continue; // the same break point, measured from the new line start
    }
    // Nothing fits before this point: cut between characters, at least one per line.
    let cut = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
    while (cut < end) {
      const next = cut + (text.codePointAt(cut)! > 0xffff ? 2 : 1);
      if (width(start, next) > maxWidth + EPSILON) break;
      cut = next;
    }
    lines.push({ start, end: cut, width: width(start, cut), last: false });
    start = cut;
  }
  return lines;
}

/** Whether justification may widen the gap between two characters (not inside Latin words). */
function stretchable(before: number, after: number): boolean {
  return isWide(before) || isWide(after) || before === 0x20 || after === 0x20;
}

/**
 * Sets one line: positions every character, and groups characters into runs that pdfkit can
 * draw in one call (same style, same spacing between them). Justified lines share the spare
 * width equally among the stretchable gaps; pdfkit's own justification only widens spaces,
 * which leaves CJK lines ragged.
 */
export function setLine(
  styled: StyledText,
  widths: Float64Array,
  span: LineSpan,
  boxWidth: number,
  align: Align,
  size: number,
): SetLine {
  const { text, styleOf, styles } = styled;
  let gaps = 0;
  let previous = -1;
  for (let i = span.start; i < span.end;) {
    const cp = text.codePointAt(i) as number;
    if (previous !== -1 && stretchable(previous, cp)) gaps++;
    previous = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  const spare = boxWidth - span.width;
  const justify =
    align === 'justify' && !span.last && spare > EPSILON && gaps > 0 && spare / gaps <= MAX_JUSTIFY_GAP * size;
  const extra = justify ? spare / gaps : 0;
  const offset = align === 'right' ? spare : align === 'center' ? spare / 2 : 0;

  const runs: TextRun[] = [];
  const links: SetLine['links'] = [];
  // A run is a stretch of the text, [start, end): sliced once when it closes, not built up a
  // character at a time (that made a rope of one-character strings per run, kept by every page).
  let run: { x: number; start: number; end: number; style: RunStyle; spacing: number | null } | null = null;
  const flush = (): void => {
    if (run) {
      runs.push({
        x: run.x,
        text: text.slice(run.start, run.end),
        font: run.style.font,
        color: run.style.color,
        charSpacing: run.spacing ?? 0,
      });
    }
  };
  let x = offset;
  previous = -1;
  for (let i = span.start; i < span.end;) {
    const cp = text.codePointAt(i) as number;
    const unit = cp > 0xffff ? 2 : 1;
    const style = styles[styleOf[i]!]!;
    const gap = previous !== -1 && justify && stretchable(previous, cp) ? extra : 0;
    x += gap;
    if (run && run.style === style && (run.spacing === null || run.spacing === gap)) {
      run.spacing = gap;
      run.end = i + unit;
    } else {
      flush();
      run = { x, start: i, end: i + unit, style, spacing: null };
    }
    const charWidth = widths[i]!;
    if (style.link) {
      const last = links[links.length - 1];
      if (last && last.target === style.link) last.width = x + charWidth - last.x;
      else links.push({ x, width: charWidth, target: style.link });
    }
    x += charWidth;
    previous = cp;
    i += unit;
  }
  flush();
  return { x: offset, width: x - offset, text: text.slice(span.start, span.end), runs, links };
}
