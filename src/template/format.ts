/**
 * Chinese wording for typed values: dates, periods, numerals, phone numbers, labels. Pure
 * functions of their arguments; the template helpers wrap them. A value these cannot format is a
 * `FormatError` (a template or data mistake), never a silently odd guide.
 */

import type { MeasureStatus } from '../catalogue/select.js';
import { channelTypes, type Audience, type ChannelType, type FirmSize, type IsoDate } from '../catalogue/types.js';
import { defaultLabels, type EditionLabels } from '../catalogue/labels.js';
import { helperMessages as say } from '../messages/render.js';

/** A value a formatter cannot handle; the message says what was expected, in plain words. */
export class FormatError extends Error {
  override name = 'FormatError';
  constructor(
    message: string,
    /** What to do about it, when the message does not already say. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** `2020-03-01` → `2020年3月1日`. */
export function chineseDate(date: IsoDate): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new FormatError(say.dateExpected({ value: JSON.stringify(date) }));
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** `2020年3月1日至2020年5月31日`, or `2020年3月1日起長期有效` when there is no end date. */
export function effectivePeriod(effective: { from: IsoDate; until?: IsoDate | null }): string {
  const from = chineseDate(effective.from);
  return effective.until == null ? `${from}起長期有效` : `${from}至${chineseDate(effective.until)}`;
}

/** 現行有效 / 尚未生效 / 已失效, or the edition's wording (guide.yaml `labels`). */
export function statusLabel(status: MeasureStatus, labels: Readonly<EditionLabels> = defaultLabels): string {
  if (status !== 'active' && status !== 'upcoming' && status !== 'expired') {
    throw new FormatError(say.unknownStatus({ value: JSON.stringify(status) }));
  }
  return labels[status];
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const units = ['', '十', '百', '千'];

/**
 * 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (1–9999: chapter and appendix numbers).
 * Ten to nineteen drop the leading 一 as in 第十一章.
 */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) {
    throw new FormatError(say.numeralRange({ value: String(value) }));
  }
  const places = String(value).split('').map(Number).reverse();
  let text = '';
  let zeroPending = false;
  for (let place = places.length - 1; place >= 0; place--) {
    const digit = places[place]!;
    if (digit === 0) {
      zeroPending = text !== '';
      continue;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    text += digits[digit]! + units[place]!;
  }
  return value >= 10 && value < 20 ? text.slice(1) : text;
}

/**
 * Groups the digits of a mainland phone number the way they are printed: landlines with a 3- or
 * 4-digit area code (010, 02x; 0531) as `0531-12345678`, mobiles as `138-0000-0000`, 400/800
 * numbers as `400-123-4567`. Service numbers (12366) and anything unrecognised (extensions,
 * several numbers, words) are returned as written, trimmed: better unformatted than wrong.
 */
export function formatPhone(phone: string): string {
  const written = phone.trim();
  if (!/^[\d\s()-]+$/.test(written)) return written;
  const number = written.replace(/[\s()-]/g, '');
  if (/^1[3-9]\d{9}$/.test(number)) return `${number.slice(0, 3)}-${number.slice(3, 7)}-${number.slice(7)}`;
  if (/^[48]00\d{7}$/.test(number)) return `${number.slice(0, 3)}-${number.slice(3, 6)}-${number.slice(6)}`;
  const area = /^0[12]/.test(number) ? 3 : 4;
  if (/^0\d+$/.test(number) && number.length - area >= 7 && number.length - area <= 8) {
    return `${number.slice(0, area)}-${number.slice(area)}`;
  }
  return written;
}

/**
 * online → 網上辦理, window → 窗口辦理, mail → 郵寄辦理, phone → 電話辦理, automatic → 免申即享, or
 * the edition's wording (guide.yaml `labels`, e.g. window → 臨櫃辦理).
 */
export function channelLabel(type: ChannelType, labels: Readonly<EditionLabels> = defaultLabels): string {
  if (!(channelTypes as readonly string[]).includes(type)) {
    throw new FormatError(say.unknownChannel({ value: JSON.stringify(type), types: channelTypes.join(', ') }));
  }
  return labels[type];
}

/** `營業執照副本影本（1份）`; a note joins the copies: `（2份，加蓋公章）`. */
export function materialText(material: { name: string; copies?: number | null; note?: string | null }): string {
  const extras: string[] = [];
  if (material.copies != null) extras.push(`${material.copies}份`);
  if (material.note != null && material.note.trim() !== '') extras.push(material.note.trim());
  return extras.length > 0 ? `${material.name}（${extras.join('，')}）` : material.name;
}

// Printed from the largest size down, as in 大中小微: {micro, small} → 小微型企業.
const sizeOrder: readonly FirmSize[] = ['large', 'medium', 'small', 'micro'];
const sizeChars: Record<FirmSize, string> = { large: '大', medium: '中', small: '小', micro: '微' };

/** An audience as measures write it, or with `null` for absent keys as templates see it. */
export type AudienceLike = { [K in keyof Audience]?: Audience[K] | null };

/** The vocabularies a description draws its labels from (guide.yaml `vocabularies`). */
export interface Vocabularies {
  industries: Record<string, string>;
}

/**
 * Who a measure is for, in Chinese: `行業：製造業、食品；地區：青島市；規模：小微型企業；出口企業`.
 * Industry codes are shown through the edition's vocabulary (an unknown code is shown as written;
 * validation reports it). `needs` is left out: it says which difficulties a measure answers, not
 * who may use it (appendix 3 lists it). Returns the empty string when the audience narrows nothing.
 */
export function describeAudience(audience: AudienceLike | null | undefined, vocabularies: Vocabularies): string {
  if (audience == null) return '';
  const parts: string[] = [];
  if (audience.industries?.length) {
    const industries = vocabularies.industries;
    parts.push(
      `行業：${audience.industries.map((code) => (Object.hasOwn(industries, code) ? industries[code]! : code)).join('、')}`,
    );
  }
  if (audience.regions?.length) parts.push(`地區：${audience.regions.join('、')}`);
  if (audience.sizes?.length) {
    const sizes = sizeOrder.filter((size) => audience.sizes!.includes(size));
    parts.push(`規模：${sizes.map((size) => sizeChars[size]).join('')}型企業`);
  }
  if (audience.exporter != null) parts.push(audience.exporter ? '出口企業' : '非出口企業');
  return parts.join('；');
}
