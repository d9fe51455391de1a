/**
 * Column headers of a firm list. Staff write them in English or Chinese (Traditional, or
 * Simplified as a mainland spreadsheet has them), often with a note such as 企業名稱（必填） or a
 * required-mark asterisk; all of these name the same column.
 */

import { firmPlaceMessages } from '../messages/firms.js';
import { closestMatch } from '../schema/did-you-mean.js';
import { firmFieldLabels, firmFields, type FirmField } from './types.js';

const aliases: Record<FirmField, readonly string[]> = {
  id: ['id', '編號', '编号', '企業編號', '企业编号'],
  name: ['name', '企業名稱', '企业名称'],
  contact: ['contact', '聯繫人', '联系人', '聯絡人'],
  honorific: ['honorific', '稱謂', '称谓', '稱呼', '称呼'],
  email: ['email', '電子郵箱', '电子邮箱', '郵箱', '邮箱', '電子郵件', '电子邮件'],
  city: ['city', '所在城市', '城市'],
  industry: ['industry', 'industries', '行業', '行业', '所屬行業', '所属行业'],
  size: ['size', '規模', '规模', '企業規模', '企业规模'],
  exporter: ['exporter', '是否出口', '出口'],
  needs: ['needs', '困難訴求', '困难诉求', '訴求', '诉求'],
};

/** A header as compared: no notes in brackets, no required marks, spaces, dashes or case. */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[*\s_-]/g, '')
    .toLowerCase();
}

const byHeader = new Map<string, FirmField>(
  firmFields.flatMap((field) => aliases[field].map((alias) => [normaliseHeader(alias), field] as const)),
);

/** The field a header names, if any. */
export function fieldOfHeader(header: string): FirmField | undefined {
  return byHeader.get(normaliseHeader(header));
}

/** The known header closest to an unknown one (`emial` → `email`), for a "did you mean". */
export function suggestHeader(header: string): string | undefined {
  const known = firmFields.flatMap((field) => [field, firmFieldLabels[field]]);
  const written = normaliseHeader(header);
  // Two letters typed the wrong way round are the commonest slip, and cost two edits.
  const swapped = known.find((name) =>
    [...written].some(
      (_, i) => i > 0 && written.slice(0, i - 1) + written[i] + written[i - 1] + written.slice(i + 1) === name,
    ),
  );
  return swapped ?? closestMatch(written, known);
}

/** `電子郵箱 (email)`: how messages name a column. */
export function describeField(field: FirmField): string {
  return firmPlaceMessages.field({ label: firmFieldLabels[field], field });
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
