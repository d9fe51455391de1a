/**
 * Typesetting faults read back from a real PDF with PDF.js, the way a proofreader finds them:
 * numbers torn from their units across a line break, runts (a paragraph's last line of one or
 * two characters) and card rows split so the next page opens with an empty label cell.
 * Shared by the typesetting tests and `bench/layout-metrics.ts`.
 *
 * Lines are rebuilt from PDF.js text items: items on one baseline that touch form a line. Two
 * lines belong to one paragraph when the second starts at the same x one line pitch below the
 * first and the first reaches (within an em) the right edge of the column, which is the
 * rightmost end of any line starting at that x on the page.
 */

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One line of text on a page, in points from the page's top-left corner. */
export interface PdfLine {
  page: number;
  x: number;
  right: number;
  baseline: number;
  size: number;
  text: string;
}

/** A page's lines, top to bottom, with the page height. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Items closer than this (points) on one baseline are one line. */
const JOIN_GAP = 3;

/** Every page's text lines as PDF.js reads them. */
export async function pdfLines(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const width = page.view[2]! - page.view[0]!;
    const height = page.view[3]! - page.view[1]!;
    const content = await page.getTextContent();
    const items: PdfLine[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , e, f] = item.transform as number[];
      items.push({
        page: n,
        x: e!,
        right: e! + item.width,
        baseline: height - f!,
        size: Math.hypot(a!, b!),
        text: item.str,
      });
    }
    items.sort((p, q) => p.baseline - q.baseline || p.x - q.x);
    const lines: PdfLine[] = [];
    for (const item of items) {
      const last = lines[lines.length - 1];
      if (last && Math.abs(last.baseline - item.baseline) < 0.5 && item.x - last.right < JOIN_GAP && item.x >= last.x) {
        last.text += item.text;
        last.right = Math.max(last.right, item.right);
      } else lines.push({ ...item });
    }
    pages.push({ number: n, width, height, lines });
    page.cleanup();
  }
  await pdf.destroy();
  return pages;
}

/** A numeral followed by a unit, counter or date part: what must not be split by a line break. */
const UNIT =
  /^(?:小時|公里|年|月|日|號|号|條|条|項|项|個|个|份|%|％|元|萬|万|億|亿|倍|次|天|週|周|歲|岁|家|戶|户|件|名|期|季|批|級|级|類|类|點|点|頁|页|人|分|秒|度|米|噸|吨|章|款|節|节|成)/;
const DIGIT = /[0-9０-９]$/;

/** Whether a line break between `before` and `after` tears apart what reads as one. */
export function isNumberSplit(before: string, after: string): boolean {
  const end = before.trimEnd();
  const start = after.trimStart();
  if (DIGIT.test(end) && UNIT.test(start)) return true; // 5｜個月, 4｜日
  if (/〔[0-9０-９]*$/.test(end) || /〔[0-9０-９]+〕[0-9０-９]*$/.test(end)) return true; // 〔2020｜〕6號, 〔2020〕｜6號
  return (/[0-9]\.$/.test(end) && /^[0-9]/.test(start)) || (/[0-9]$/.test(end) && /^\.[0-9]/.test(start)); // 1.｜7, 1｜.7
}

/** The faults found, each with where it is, for messages. */
export interface TypesettingFaults {
  /** `page: before｜after` for each number torn from its unit. */
  numberSplits: string[];
  /** `page: text` for each runt. */
  runts: string[];
  /** Pages that open with a row's continuation under an empty label cell. */
  midRowSplits: number[];
  /** Multi-line paragraphs seen (the runts' denominator). */
  paragraphs: number;
}

/** Lines of the text area: running header and footer (outside `margin` of the edge) left out. */
function textAreaLines(page: PdfPage, margin: number): PdfLine[] {
  return page.lines.filter((line) => line.baseline > margin && line.baseline < page.height - margin);
}

/** Paragraphs of a page: runs of lines one pitch apart at the same x, each but the last full. */
function paragraphs(lines: PdfLine[]): PdfLine[][] {
  const columnRight = new Map<number, number>();
  const key = (x: number) => Math.round(x * 2) / 2;
  for (const line of lines) columnRight.set(key(line.x), Math.max(columnRight.get(key(line.x)) ?? 0, line.right));
  const used = new Set<PdfLine>();
  const out: PdfLine[][] = [];
  for (const line of lines) {
    if (used.has(line)) continue;
    const paragraph = [line];
    used.add(line);
    for (;;) {
      const last = paragraph[paragraph.length - 1]!;
      // Only a full line runs on (a column of page numbers is not a paragraph).
      if (last.right < columnRight.get(key(last.x))! - last.size || last.right - last.x < 3 * last.size) break;
      const next = lines.find(
        (other) =>
          !used.has(other) &&
          Math.abs(other.x - last.x) < 0.5 &&
          Math.abs(other.size - last.size) < 0.1 &&
          other.baseline - last.baseline > 1.2 * last.size &&
          other.baseline - last.baseline < 2.0 * last.size,
      );
      if (!next) break;
      paragraph.push(next);
      used.add(next);
    }
    out.push(paragraph);
  }
  return out;
}

/**
 * Counts the faults of a guide's pages. `margin` is how far from the top and bottom edge the
 * running header and footer sit (anything beyond is text area); `left` is the text area's left
 * edge, and a page whose first line starts more than `labelColumn` points right of it opens in
 * a card's content column, under an empty label cell.
 */
export function typesettingFaults(
  pages: PdfPage[],
  { margin = 66, labelColumn = 60 }: { margin?: number; labelColumn?: number } = {},
): TypesettingFaults {
  const faults: TypesettingFaults = { numberSplits: [], runts: [], midRowSplits: [], paragraphs: 0 };
  const all = pages.flatMap((page) => textAreaLines(page, margin));
  const left = Math.min(...all.map((line) => line.x));
  for (const page of pages) {
    const lines = textAreaLines(page, margin);
    for (const paragraph of paragraphs(lines)) {
      for (let i = 1; i < paragraph.length; i++) {
        const [before, after] = [paragraph[i - 1]!.text, paragraph[i]!.text];
        if (isNumberSplit(before, after))
          faults.numberSplits.push(`${page.number}: ${before.slice(-6)}｜${after.slice(0, 6)}`);
      }
      if (paragraph.length < 2) continue;
      faults.paragraphs++;
      const last = paragraph[paragraph.length - 1]!.text.replace(/\s/g, '');
      if ([...last].length < 3) faults.runts.push(`${page.number}: ${last}`);
    }
    const first = lines[0];
    if (first && first.x - left > labelColumn && !isCentred(first, page.width)) faults.midRowSplits.push(page.number);
  }
  return faults;
}

/** A centred line (cover, titles): as far from the page's right edge as from its left. */
function isCentred(line: PdfLine, pageWidth: number): boolean {
  return Math.abs(line.x - (pageWidth - line.right)) < 2;
}
