/**
 * What changed in one measure between two editions, field by field, each change as a sentence in
 * plain Chinese: 「有效期延長至2020年12月31日」, 「政策依據新增：《…》（…）」, 「諮詢電話變更為12366（…）」.
 * Only what the guide prints counts: `reviewed` is the staff's own record and is left out; the
 * order of keyed lists (documents, materials, channels, contacts, questions) is not a change.
 * These sentences are the one wording of changes: `guide diff` prints them, and the guide's
 * 本版更新說明 section gets them as `text`.
 */

import type { Basis, Channel, Contact, Material, Measure } from '../catalogue/types.js';
import { joinLines } from '../model/cjk.js';
import { parseMarkdown, type MdNode } from '../model/parse-markdown.js';
import {
  channelLabel,
  chineseDate,
  describeAudience,
  effectivePeriod,
  formatPhone,
  materialText,
} from '../template/format.js';
import type { Labels } from './snapshot.js';

/**
 * The printed fields of a measure with the service card's names, in the order changes are told:
 * name and chapter, then the period (what readers look for first), then as the measure is laid out.
 */
const fieldLabels = {
  title: '名稱',
  category: '類別',
  effective: '有效期',
  summary: '摘要',
  content: '政策內容',
  authority: '實施機關',
  basis: '政策依據',
  eligibility: '申請條件',
  materials: '申請材料',
  steps: '辦理流程',
  channels: '辦理方式',
  time_limit: '辦理時限',
  fee: '收費標準',
  contacts: '諮詢電話',
  complaints: '監督投訴',
  faq: '常見問題',
  audience: '適用對象',
} as const;

export type MeasureField = keyof typeof fieldLabels;

/**
 * `extended`/`shortened`: a later or earlier end date; `open-ended`: the end date was dropped;
 * `end-set`: an open-ended measure got one; `period-changed`: the start date moved; `changed`: a
 * value or a list item was replaced; `added`/`removed`: a list item or an optional value came or
 * went; `revised`: long text or a sequence was edited (the sentence does not repeat it).
 */
export type ChangeKind =
  'extended' | 'shortened' | 'open-ended' | 'end-set' | 'period-changed' | 'changed' | 'added' | 'removed' | 'revised';

export interface FieldChange {
  field: MeasureField;
  /** The field's name on the service card. */
  label: string;
  kind: ChangeKind;
  /** The change as one sentence in Chinese. */
  text: string;
}

type Describe = (before: Measure, after: Measure, labels: Labels) => [ChangeKind, string][];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Markdown (a list item, a step) as the plain text a reader sees, on one line. */
export function plainText(markdown: string): string {
  const parts: string[] = [];
  const visit = (node: MdNode) => {
    if (node.type === 'text' || node.type === 'inlineCode') parts.push(node.value);
    else if (node.type === 'break') parts.push('\n');
    if (node.type === 'list') {
      for (const item of node.items) {
        item.forEach(visit);
        parts.push('\n');
      }
    } else if ('children' in node) node.children.forEach(visit);
    if (node.type === 'paragraph') parts.push('\n');
  };
  parseMarkdown(markdown, 'commonmark').forEach(visit);
  return joinLines(parts.join('')).trim();
}

function documentTitle(basis: Basis): string {
  return basis.title.trim().replace(/^《([^《》]*)》$/, '$1');
}

function cite(basis: Basis): string {
  return `《${documentTitle(basis)}》${basis.number ? `（${basis.number}）` : ''}`;
}

function contactText(contact: Contact): string {
  return `${formatPhone(contact.phone)}（${contact.name}）`;
}

function channelName(channel: Channel): string {
  return `${channel.name}（${channelLabel(channel.type)}）`;
}

/**
 * Items of two lists matched by key: added, removed, and pairs whose other fields differ. Order
 * alone is not a change.
 */
function matchByKey<T>(before: readonly T[], after: readonly T[], key: (item: T) => string) {
  const old = new Map(before.map((item) => [key(item), item]));
  const now = new Map(after.map((item) => [key(item), item]));
  return {
    added: after.filter((item) => !old.has(key(item))),
    removed: before.filter((item) => !now.has(key(item))),
    changed: after.flatMap((item) => {
      const earlier = old.get(key(item));
      return earlier !== undefined && !same(earlier, item) ? [{ before: earlier, after: item }] : [];
    }),
  };
}

/** Text items (申請條件): each added or removed one named; an edit or reordering as one 已修訂. */
function textItems(label: string, before: readonly string[], after: readonly string[]): [ChangeKind, string][] {
  if (same(before, after)) return [];
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  if (added.length > 0 && removed.length === 0)
    return added.map((item) => ['added', `${label}新增：${plainText(item)}`]);
  if (removed.length > 0 && added.length === 0)
    return removed.map((item) => ['removed', `${label}刪除：${plainText(item)}`]);
  return [['revised', `${label}已修訂`]];
}

/** Phone lists (諮詢電話, 監督投訴電話): additions or removals named; anything else as the new list. */
function phoneList(label: string, before: readonly Contact[], after: readonly Contact[]): [ChangeKind, string][] {
  const key = (contact: Contact) => `${contact.name.trim()}\u0000${contact.phone.replace(/\D/g, '')}`;
  const { added, removed, changed } = matchByKey(before, after, key);
  if (added.length === 0 && removed.length === 0) {
    return changed.map(({ after: contact }): [ChangeKind, string] => [
      'changed',
      contact.hours
        ? `${label}${contactText(contact)}服務時間變更為${contact.hours}`
        : `${label}${contactText(contact)}不再列明服務時間`,
    ]);
  }
  if (removed.length === 0) return added.map((contact) => ['added', `${label}新增：${contactText(contact)}`]);
  if (added.length === 0) return removed.map((contact) => ['removed', `${label}刪除：${contactText(contact)}`]);
  return [['changed', `${label}變更為${after.map(contactText).join('、')}`]];
}

function optionalValue(label: string, before: string | undefined, after: string | undefined): [ChangeKind, string][] {
  if (before === after) return [];
  if (after === undefined) return [['removed', `不再列明${label}`]];
  if (before === undefined) return [['added', `新增${label}：${after}`]];
  return [['changed', `${label}變更為${after}`]];
}

const describers: Record<MeasureField, Describe> = {
  title: (b, a) => (b.title === a.title ? [] : [['changed', `名稱變更為「${a.title}」（原為「${b.title}」）`]]),
  category: (b, a, labels) =>
    b.category === a.category ? [] : [['changed', `類別變更為「${labels.categories[a.category] ?? a.category}」`]],
  summary: (b, a) => (b.summary === a.summary ? [] : [['revised', '摘要已修訂']]),
  content: (b, a) => (b.content === a.content ? [] : [['revised', '政策內容已修訂']]),
  authority: (b, a) => (b.authority === a.authority ? [] : [['changed', `實施機關變更為${a.authority}`]]),
  basis: (b, a) => {
    const key = (basis: Basis) => basis.number?.trim() || documentTitle(basis);
    const { added, removed, changed } = matchByKey(b.basis, a.basis, key);
    return [
      ...added.map((basis): [ChangeKind, string] => ['added', `政策依據新增：${cite(basis)}`]),
      ...removed.map((basis): [ChangeKind, string] => ['removed', `政策依據刪除：${cite(basis)}`]),
      ...changed.map(({ after: basis }): [ChangeKind, string] => ['changed', `政策依據更新：${cite(basis)}`]),
    ];
  },
  effective: (b, a) => {
    const before = b.effective;
    const after = a.effective;
    // A moved start date is told as the whole new period, whatever happened to the end.
    if (before.from !== after.from) return [['period-changed', `有效期調整為${effectivePeriod(after)}`]];
    if (before.until === after.until) return [];
    if (after.until === undefined) return [['open-ended', '有效期改為長期有效']];
    if (before.until === undefined) return [['end-set', `有效期改為至${chineseDate(after.until)}止`]];
    return after.until > before.until
      ? [['extended', `有效期延長至${chineseDate(after.until)}`]]
      : [['shortened', `有效期縮短至${chineseDate(after.until)}`]];
  },
  eligibility: (b, a) => textItems('申請條件', b.eligibility, a.eligibility),
  materials: (b, a) => {
    const { added, removed, changed } = matchByKey(b.materials, a.materials, (m: Material) => m.name.trim());
    return [
      ...added.map((m): [ChangeKind, string] => ['added', `申請材料新增：${materialText(m)}`]),
      ...removed.map((m): [ChangeKind, string] => ['removed', `申請材料刪除：${m.name}`]),
      ...changed.map(({ after: m }): [ChangeKind, string] => ['changed', `申請材料調整：${materialText(m)}`]),
    ];
  },
  steps: (b, a) => (same(b.steps, a.steps) ? [] : [['revised', '辦理流程已調整']]),
  channels: (b, a) => {
    const key = (channel: Channel) => `${channel.type}\u0000${channel.name.trim()}`;
    const { added, removed, changed } = matchByKey(b.channels, a.channels, key);
    const details = [
      ['url', '網址'],
      ['address', '地址'],
      ['phone', '電話'],
    ] as const;
    return [
      ...added.map((c): [ChangeKind, string] => ['added', `辦理方式新增：${channelName(c)}`]),
      ...removed.map((c): [ChangeKind, string] => ['removed', `辦理方式刪除：${channelName(c)}`]),
      ...changed.flatMap(({ before, after }) =>
        details.flatMap(([detail, name]): [ChangeKind, string][] => {
          const value = after[detail];
          if (before[detail] === value) return [];
          if (value === undefined) return [['removed', `${channelName(after)}不再列明${name}`]];
          return [['changed', `${channelName(after)}${name}變更為${detail === 'phone' ? formatPhone(value) : value}`]];
        }),
      ),
    ];
  },
  time_limit: (b, a) => optionalValue('辦理時限', b.time_limit, a.time_limit),
  fee: (b, a) => (b.fee === a.fee ? [] : [['changed', `收費標準變更為${a.fee}`]]),
  contacts: (b, a) => phoneList('諮詢電話', b.contacts, a.contacts),
  complaints: (b, a) => phoneList('監督投訴電話', b.complaints, a.complaints),
  faq: (b, a) => {
    const { added, removed, changed } = matchByKey(b.faq, a.faq, (entry) => entry.q.trim());
    return [
      ...added.map((entry): [ChangeKind, string] => ['added', `常見問題新增：${entry.q}`]),
      ...removed.map((entry): [ChangeKind, string] => ['removed', `常見問題刪除：${entry.q}`]),
      ...changed.map(({ after: entry }): [ChangeKind, string] => ['changed', `常見問題「${entry.q}」的答覆已更新`]),
    ];
  },
  audience: (b, a, labels) => {
    const out: [ChangeKind, string][] = [];
    const who = (measure: Measure) => describeAudience(measure.audience, labels);
    if (who(b) !== who(a)) out.push(['changed', `適用對象變更為${who(a) || '各類企業'}`]);
    // Needs are not printed on the card but place the measure in appendix 3 (困難訴求與對應措施).
    const needs = (measure: Measure) => [...new Set(measure.audience?.needs ?? [])].sort();
    if (!same(needs(b), needs(a))) {
      const after = needs(a).map((code) => (Object.hasOwn(labels.needs, code) ? labels.needs[code]! : code));
      out.push(['changed', after.length > 0 ? `對應困難訴求變更為${after.join('、')}` : '不再列入困難訴求索引']);
    }
    return out;
  },
};

/** Every printed difference between two versions of one measure, in {@link fieldLabels} order. */
export function measureChanges(before: Measure, after: Measure, labels: Labels): FieldChange[] {
  return (Object.keys(fieldLabels) as MeasureField[]).flatMap((field) =>
    describers[field](before, after, labels).map(([kind, text]) => ({
      field,
      label: fieldLabels[field],
      kind,
      text,
    })),
  );
}
