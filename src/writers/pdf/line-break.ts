/**
 * Line breaking: UAX #14 opportunities (the `linebreak` package) narrowed by kinsoku shori,
 * greedy first-fit filling, then setting each line into drawable runs, with CJK lines
 * justified by spreading the spare width over the gaps between characters.
 */

import LineBreaker from 'linebreak';
import { gluesAcross, HARD_BREAK, isNoLineEnd, isNoLineStart, isWide } from './chars.js';
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
/**
 * Most a gap may widen, in ems, on a line that gives characters to the line below to save it
 * from being a runt: less than MAX_JUSTIFY_GAP, so the cure never shows more than the runt.
 */
const RUNT_MAX_GAP = 0.2;

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
 * (a line starting with "—" or "…", a "·" or "％" stranded at a line start, etc.), and the
 * glue rules keep what reads as one word together (a numeral and its unit: 「5個月」,
 * 「4日」, 「〔2020〕6號」, 「1.7」). The last break point is always the end of the text.
 */
export function breakOpportunities(text: string): BreakPoint[] {
  const points: BreakPoint[] = [];
  const breaker = new LineBreaker(text);
  for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) {
    if (b.position >= text.length) break;
    if (!b.required) {
      const next = text.codePointAt(b.position) as number;
      if (isNoLineStart(next) || isNoLineEnd(lastCodePointBefore(text, b.position))) continue;
      if (gluesAcross(text, b.position)) continue;
    }
    points.push({ position: b.position, required: b.required });
  }
  points.push({ position: text.length, required: true });
  return points;
}

/** Fewest characters the last line of a paragraph should have: fewer make a runt. */
const MIN_LAST_LINE = 3;
/** How many lines above a runt may be re-broken to cure it. */
const RUNT_REBREAK_LINES = 3;
/** Steps, in half ems, by which those lines are set narrower to push characters down. */
const RUNT_SHRINK_STEPS = 6;

/**
 * Greedy first-fit: each line takes as much as fits in `maxWidth`. Trailing spaces hang (they
 * are neither counted nor drawn). A piece with no break opportunity that is wider than the line
 * (a long URL) is cut between characters, so every line fits. When `size` (the font size) is
 * given, a paragraph's last line of fewer than three characters (a runt: 「日）」) is cured by
 * re-breaking the lines above it narrower, as long as they can still be justified.
 */
export function fitLines(text: string, widths: Float64Array, maxWidth: number, size?: number): LineSpan[] {
  const filler = new LineFiller(text, widths, breakOpportunities(text));
  const lines = filler.fill(0, maxWidth, false);
  if (size === undefined) return lines;
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.last || lines[i - 1]!.last || filler.count(lines[i]!) >= MIN_LAST_LINE) continue;
    const cure = filler.cureRunt(lines, i, maxWidth, size);
    if (cure) lines.splice(i - cure.length + 1, cure.length, ...cure);
  }
  return lines;
}

/** Greedy line filling over one text, from any line start, at any width. */
class LineFiller {
  private readonly prefix: Float64Array;

  constructor(
    private readonly text: string,
    widths: Float64Array,
    private readonly breaks: BreakPoint[],
  ) {
    this.prefix = new Float64Array(text.length + 1);
    for (let i = 0; i < text.length; i++) this.prefix[i + 1] = this.prefix[i]! + widths[i]!;
  }

  width(start: number, end: number): number {
    return this.prefix[end]! - this.prefix[start]!;
  }

  /** Code points of a line. */
  count(span: { start: number; end: number }): number {
    let count = 0;
    for (let i = span.start; i < span.end; i += this.text.codePointAt(i)! > 0xffff ? 2 : 1) count++;
    return count;
  }

  /** Lines from `from` to the end of the text, or only to the first hard break when `once`. */
  fill(from: number, maxWidth: number, once: boolean): LineSpan[] {
    const { text, breaks } = this;
    const lines: LineSpan[] = [];
    let start = this.skipSpaces(from);
    let fitting: BreakPoint | null = null;
    let k = 0;
    while (k < breaks.length) {
      const point = breaks[k]!;
      // Points before the line start (a refill starts mid-text) and soft ones at it are passed.
      if (point.position < start || (point.position === start && !point.required)) {
        k++;
        continue;
      }
      const end = this.trimEnd(start, Math.max(point.position, start));
      if (this.width(start, end) <= maxWidth + EPSILON) {
        if (point.required) {
          lines.push({ start, end, width: this.width(start, end), last: true });
          if (once) return lines;
          start = this.skipSpaces(point.position);
          fitting = null;
        } else {
          fitting = point;
        }
        k++;
        continue;
      }
      if (fitting) {
        const fitEnd = this.trimEnd(start, fitting.position);
        lines.push({ start, end: fitEnd, width: this.width(start, fitEnd), last: false });
        start = this.skipSpaces(fitting.position);
        fitting = null;
        continue; // the same break point, measured from the new line start
      }
      // Nothing fits before this point: cut between characters, at least one per line.
      let cut = start + (text.codePointAt(start)! > 0xffff ? 2 : 1);
      while (cut < end) {
        const next = cut + (text.codePointAt(cut)! > 0xffff ? 2 : 1);
        if (this.width(start, next) > maxWidth + EPSILON) break;
        cut = next;
      }
      lines.push({ start, end: cut, width: this.width(start, cut), last: false });
      start = cut;
    }
    return lines;
  }

  /**
   * New lines for lines[i - n + 1 .. i] (n ≤ RUNT_REBREAK_LINES + 1) that end the paragraph on
   * three characters or more: the lines above the runt re-broken half an em narrower at a time,
   * so characters move down, keeping the same number of lines and every line but the last
   * justifiable within RUNT_MAX_GAP of the full width. Null when no such setting exists.
   */
  cureRunt(lines: LineSpan[], i: number, maxWidth: number, size: number): LineSpan[] | null {
    for (let n = 1; n <= RUNT_REBREAK_LINES && i - n >= 0 && !lines[i - n]!.last; n++) {
      for (let step = 1; step <= RUNT_SHRINK_STEPS; step++) {
        const narrower = maxWidth - (step * size) / 2;
        const refit = this.fill(lines[i - n]!.start, narrower, true);
        const [last] = refit.slice(-1);
        if (refit.length !== n + 1 || !last || this.count(last) < MIN_LAST_LINE) continue;
        // The last line gets the full width back, which the narrower fill did not need.
        if (refit.slice(0, -1).every((line) => this.justifiable(line, maxWidth, size))) return refit;
      }
    }
    return null;
  }

  /** Whether a line stretched to `maxWidth` widens no gap more than RUNT_MAX_GAP. */
  private justifiable(line: LineSpan, maxWidth: number, size: number): boolean {
    let gaps = 0;
    let previous = -1;
    for (let i = line.start; i < line.end;) {
      const cp = this.text.codePointAt(i) as number;
      if (previous !== -1 && stretchable(previous, cp)) gaps++;
      previous = cp;
      i += cp > 0xffff ? 2 : 1;
    }
    return gaps > 0 && (maxWidth - line.width) / gaps <= RUNT_MAX_GAP * size;
  }

  private trimEnd(start: number, position: number): number {
    let end = position;
    while (end > start && (this.text[end - 1] === ' ' || this.text[end - 1] === HARD_BREAK)) end--;
    return end;
  }

  private skipSpaces(position: number): number {
    let start = position;
    while (start < this.text.length && this.text[start] === ' ') start++;
    return start;
  }
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
