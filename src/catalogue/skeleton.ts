/**
 * The file `guide new` writes: every measure field, each under a comment with its Chinese hint
 * taken from the schema, with example values staff overwrite.
 */

import { stringify } from 'yaml';
import { measureSchema } from './schema.js';
import type { Measure } from './types.js';

/** Example values for a new measure; `id` and `category` come from the command line. */
function exampleMeasure(id: string, category: string, today: string): Measure {
  return {
    id,
    title: '（措施名稱）',
    category,
    summary: '（一句話說明這項措施給企業什麼支持。）',
    content: '（政策內容：適用範圍、標準、期限等，可寫多段。）\n',
    authority: '（實施機關，例如：國家稅務總局山東省稅務局）',
    basis: [{ title: '（政策文件名稱）', number: '（文號）', date: today }],
    effective: { from: today, until: today },
    eligibility: ['（申請條件一）'],
    materials: [{ name: '（申請材料名稱）', copies: 1, note: '（說明，可刪除）' }],
    steps: ['（第一步）', '（第二步）'],
    channels: [
      { type: 'online', name: '（網上辦理管道名稱）', url: 'https://' + 'www.gov.cn/' },
      { type: 'window', name: '（窗口名稱）', address: '（地址）' },
    ],
    time_limit: '（辦理時限，例如：即時辦結）',
    fee: '不收費',
    contacts: [{ name: '（諮詢窗口）', phone: '12345', hours: '工作日 9:00–17:00' }],
    complaints: [{ name: '（監督投訴窗口）', phone: '12345' }],
    faq: [{ q: '（常見問題）', a: '（解答）' }],
    audience: { industries: [], sizes: ['micro', 'small', 'medium', 'large'], needs: [] },
    reviewed: today,
  };
}

/**
 * The example texts a new measure file holds, such as （措施名稱）: each is an error wherever it
 * is still found, so a guide never prints one.
 */
export const skeletonPlaceholders: readonly string[] = (() => {
  const found = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      const text = value.trim();
      if (text.startsWith('（') && text.endsWith('）')) found.add(text);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(exampleMeasure('id', 'category', '2020-01-01'));
  return [...found];
})();

export function measureSkeleton(id: string, category: string, today: string): string {
  const example = exampleMeasure(id, category, today) as unknown as Record<string, unknown>;
  const fields = measureSchema.fields as Record<string, { hint: string; required: boolean }>;
  const parts = [
    '# yaml-language-server: $schema=../../schema/measure.schema.json',
    `# 新措施：填寫每個欄位後執行 guide validate。標「必填」的欄位不可刪除。`,
  ];
  for (const [name, field] of Object.entries(fields)) {
    parts.push('', `# ${field.required ? '必填' : '選填'}：${field.hint}`);
    parts.push(stringify({ [name]: example[name] }, { lineWidth: 0 }).trimEnd());
  }
  return `${parts.join('\n')}\n`;
}
