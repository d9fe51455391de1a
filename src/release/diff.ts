/**
 * Two editions compared as their readers see them: the measures each guide printed (in effect on
 * its own as-of date), matched by id. A measure printed only in the new guide is added (a new
 * file, or one whose start date has now come); one printed only in the old guide is removed (its
 * file is gone, its end date has passed, or it now starts later); one printed in both is changed
 * when a printed field differs. Pure: two snapshots in, plain data out (what `--json` prints).
 */

import type { IsoDate } from '../catalogue/types.js';
import { chineseDate, effectivePeriod } from '../template/format.js';
import { measureChanges, type FieldChange } from './field-changes.js';
import type { EditionInfo, EditionSnapshot } from './snapshot.js';

/** An edition compared, and the date its measures were selected for. */
export interface DiffSide extends EditionInfo {
  asOf: IsoDate;
  /** How many measures its guide printed. */
  measures: number;
}

export interface AddedMeasure {
  id: string;
  /** Its number in the new guide. */
  number: string;
  title: string;
  category: string;
  effective: { from: IsoDate; until?: IsoDate };
  text: string;
}

export interface RemovedMeasure {
  id: string;
  /** Its number in the old guide. */
  number: string;
  title: string;
  /** `deleted`: no longer in the new edition's files; `expired`/`upcoming`: there, but not in effect. */
  reason: 'deleted' | 'expired' | 'upcoming';
  /** The new start date (`upcoming`). */
  from?: IsoDate;
  /** The end date that has passed (`expired`). */
  until?: IsoDate;
  text: string;
}

export interface ChangedMeasure {
  id: string;
  /** Its number in the new guide. */
  number: string;
  /** Its title in the new guide. */
  title: string;
  changes: FieldChange[];
}

export interface EditionDiff {
  old: DiffSide;
  new: DiffSide;
  /** In new guide order. */
  added: AddedMeasure[];
  /** In old guide order. */
  removed: RemovedMeasure[];
  /** In new guide order. */
  changed: ChangedMeasure[];
}

function side(snapshot: EditionSnapshot): DiffSide {
  return { ...snapshot.edition, asOf: snapshot.asOf, measures: snapshot.included.length };
}

/** What changed from `before` to `after`. */
export function diffEditions(before: EditionSnapshot, after: EditionSnapshot): EditionDiff {
  const old = new Map(before.included.map((entry) => [entry.measure.id, entry]));
  const now = new Set(after.included.map((entry) => entry.measure.id));
  const excludedNow = new Map(after.excluded.map((entry) => [entry.id, entry]));
  const added: AddedMeasure[] = [];
  const changed: ChangedMeasure[] = [];
  for (const { number, measure } of after.included) {
    const earlier = old.get(measure.id);
    if (earlier === undefined) {
      added.push({
        id: measure.id,
        number,
        title: measure.title,
        category: measure.category,
        effective: { ...measure.effective },
        text: `新增措施：${number}\u3000${measure.title}（${effectivePeriod(measure.effective)}）`,
      });
      continue;
    }
    const changes = measureChanges(earlier.measure, measure, after.labels);
    if (changes.length > 0) changed.push({ id: measure.id, number, title: measure.title, changes });
  }
  const removed = before.included
    .filter(({ measure }) => !now.has(measure.id))
    .map(({ number, measure }): RemovedMeasure => {
      const base = { id: measure.id, number, title: measure.title };
      const left = excludedNow.get(measure.id);
      if (left?.reason === 'expired') {
        return {
          ...base,
          reason: 'expired',
          until: left.until,
          text: `停止執行：${measure.title}（已於${chineseDate(left.until)}到期）`,
        };
      }
      if (left?.reason === 'upcoming') {
        return {
          ...base,
          reason: 'upcoming',
          from: left.from,
          text: `暫不列入：${measure.title}（改自${chineseDate(left.from)}起施行）`,
        };
      }
      return { ...base, reason: 'deleted', text: `停止執行：${measure.title}` };
    });
  return { old: side(before), new: side(after), added, removed, changed };
}

/** 「新增措施1項、停止執行1項、內容調整2項」, or 「措施沒有變動」. */
export function summarizeDiff(diff: EditionDiff): string {
  const parts = [
    diff.added.length > 0 ? `新增措施${diff.added.length}項` : '',
    diff.removed.length > 0 ? `停止執行${diff.removed.length}項` : '',
    diff.changed.length > 0 ? `內容調整${diff.changed.length}項` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('、') : '措施沒有變動';
}

/**
 * The comparison as lines for a terminal or a release note: which editions, a summary, then one
 * line per added or removed measure and, under each changed measure, one line per change.
 */
export function formatDiff(diff: EditionDiff, names: { old: string; new: string }): string {
  const describe = (name: string, s: DiffSide) =>
    `${name}（${s.edition}，按${chineseDate(s.asOf)}計${s.measures}項措施）`;
  const lines = [`${describe(names.old, diff.old)} → ${describe(names.new, diff.new)}`, `${summarizeDiff(diff)}。`];
  if (diff.added.length + diff.removed.length + diff.changed.length > 0) lines.push('');
  for (const measure of diff.added) lines.push(measure.text);
  for (const measure of diff.removed) lines.push(measure.text);
  for (const measure of diff.changed) {
    lines.push(`內容調整：${measure.number}\u3000${measure.title}`);
    for (const change of measure.changes) lines.push(`  ${change.text}`);
  }
  return `${lines.join('\n')}\n`;
}
