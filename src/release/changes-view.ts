/** A comparison as the data of the guide's 本版更新說明 section (templates/changes.md.hbs). */

import type { ChangesView } from '../template/view.js';
import { summarizeDiff, type EditionDiff } from './diff.js';

/** The template data for `diff`: every optional value present, as `null` when absent. */
export function changesView(diff: EditionDiff): ChangesView {
  return {
    since: { title: diff.old.title, edition: diff.old.edition, date: diff.old.date, asOf: diff.old.asOf },
    added: diff.added.map((measure) => ({
      id: measure.id,
      number: measure.number,
      title: measure.title,
      effective: { from: measure.effective.from, until: measure.effective.until ?? null },
      text: measure.text,
    })),
    removed: diff.removed.map((measure) => ({
      id: measure.id,
      number: measure.number,
      title: measure.title,
      reason: measure.reason,
      expired: measure.reason === 'expired',
      upcoming: measure.reason === 'upcoming',
      deleted: measure.reason === 'deleted',
      from: measure.from ?? null,
      until: measure.until ?? null,
      text: measure.text,
    })),
    changed: diff.changed.map((measure) => ({
      id: measure.id,
      number: measure.number,
      title: measure.title,
      changes: measure.changes.map((change) => ({ ...change })),
    })),
    summary: summarizeDiff(diff),
    none: diff.added.length + diff.removed.length + diff.changed.length === 0,
  };
}
