/** A throw-away copy of the sample edition, and an edit that must find what it replaces. */

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './paths.js';

/** guide.yaml, policies/ and templates/ of the sample, copied into a new temporary folder. */
export function copySampleEdition(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `guide-${prefix}-`));
  for (const item of ['guide.yaml', 'policies', 'templates'])
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  return dir;
}

/** Replaces `from` in a file; fails the test when it is not there (the fixture drifted). */
export function editFile(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `${from} not found in ${file}`);
  writeFileSync(file, changed);
}

/**
 * A copy of the sample whose measures are full of what line breaking must keep whole: long
 * dates, document numbers 〔2020〕123號, amounts with units and decimals, each measure with a
 * different lead-in so the numbers fall at every place of a line; two more basis documents each
 * make more card rows run across pages.
 */
export function copyLongNumbersEdition(prefix: string): string {
  const dir = copySampleEdition(prefix);
  const folder = path.join(dir, 'policies');
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .sort();
  files.forEach((file, i) => {
    const full = path.join(folder, file);
    const measure = parse(readFileSync(full, 'utf8')) as Record<string, unknown>;
    const lead = '各'.repeat(i % 23);
    const basis = (measure['basis'] as Record<string, unknown>[]) ?? [];
    for (let k = 0; k < 2; k++) {
      basis.push({
        title: `${lead.slice(0, k * 5)}關於延長第${k + 1}批受疫情影響企業${2020 + k}年度扶持政策執行期限的通知`,
        number: `魯政辦字〔${2020 + k}〕${120 + i * 7 + k}號`,
        date: `2020-${String(10 + k).padStart(2, '0')}-${String(20 + (i % 9)).padStart(2, '0')}`,
      });
    }
    measure['basis'] = basis;
    const eligibility = (measure['eligibility'] as string[]) ?? [];
    eligibility.push(
      `${lead}自2020年12月31日起至2021年11月30日止，年營業收入不超過3000萬元、職工人數不超過300人的企業，` +
        `可延期12個月，逾期按日加收0.05%滯納金，最多不超過15天或48小時內辦結，詳見魯財稅〔2020〕${16 + i}號第3條第2項。`,
    );
    measure['eligibility'] = eligibility;
    measure['summary'] =
      `${String(measure['summary'])}${lead.slice(0, i % 7)}辦理期限為2020年3月1日至2020年12月31日，共計306天。`;
    writeFileSync(full, stringify(measure, { lineWidth: 0 }));
  });
  return dir;
}
