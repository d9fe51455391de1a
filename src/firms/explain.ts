/**
 * `guide batch --explain <firm-id>`: which measures a firm's guide would hold and why, and which
 * it would leave out and why, without building anything.
 */

import type { Catalogue } from '../catalogue/types.js';
import { displayWidth } from '../diagnostics/display-width.js';
import { explainMessages as say } from '../messages/firms.js';
import { firmSelection, needsCategoryId } from './guide-view.js';
import type { CriterionCheck, FirmMatch, MeasureVerdict } from './match.js';
import type { Firm } from './types.js';

/** The explanation as data (`--json`). */
export interface Explanation {
  firm: Firm;
  asOf: string;
  inEffect: number;
  chosen: {
    id: string;
    number: string;
    title: string;
    /** The chapter it is printed in: the needs chapter, or the category's id. */
    chapter: string;
    answers: string[];
    checks: CriterionCheck[];
  }[];
  leftOut: {
    id: string;
    title: string;
    /** `audience`: the audience does not fit the firm; `upcoming`/`expired`: not in effect. */
    reason: 'audience' | 'upcoming' | 'expired';
    from: string;
    until: string | null;
    checks: CriterionCheck[];
  }[];
}

/** The explanation of one firm's match. */
export function explainMatch(catalogue: Catalogue, match: FirmMatch): Explanation {
  const numbers = new Map<string, { number: string; chapter: string }>();
  for (const chapter of firmSelection(catalogue, match, match.asOf, '').chapters) {
    for (const measure of chapter.measures) {
      numbers.set(measure.entry.measure.id, { number: measure.number, chapter: chapter.category.id });
    }
  }
  const chosen = [...match.answering, ...match.others].map((entry) => {
    const verdict = match.verdicts.find((v) => v.entry === entry)!;
    const { number, chapter } = numbers.get(entry.measure.id)!;
    return {
      id: entry.measure.id,
      number,
      title: entry.measure.title,
      chapter,
      answers: verdict.answers,
      checks: verdict.checks,
    };
  });
  const leftOut = match.verdicts
    .filter((verdict) => verdict.outcome !== 'chosen')
    .map((verdict) => ({
      id: verdict.entry.measure.id,
      title: verdict.entry.measure.title,
      reason: verdict.outcome === 'audience' ? ('audience' as const) : (verdict.status as 'upcoming' | 'expired'),
      from: verdict.entry.measure.effective.from,
      until: verdict.entry.measure.effective.until ?? null,
      checks: verdict.checks,
    }));
  return {
    firm: match.firm,
    asOf: match.asOf,
    inEffect: match.verdicts.filter((v: MeasureVerdict) => v.status === 'active').length,
    chosen,
    leftOut,
  };
}

function checkLines(checks: readonly CriterionCheck[], only?: CriterionCheck['verdict']): string[] {
  if (checks.length === 0) return [`      ${say.noAudience()}`];
  return checks
    .filter((check) => only === undefined || check.verdict === only)
    .map((check) => {
      const verdict =
        check.verdict === 'fits' ? say.fits() : check.verdict === 'does-not-fit' ? say.doesNotFit() : say.notNarrowed();
      return `      ${say.check({ criterion: check.criterion, verdict, reason: check.reason })}`;
    });
}

/** The explanation as text for a terminal. `profile` describes the firm (its letter's line). */
export function formatExplanation(explanation: Explanation, profile: string | null, where: string): string {
  const { firm } = explanation;
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
  const idWidth = Math.max(0, ...[...explanation.chosen, ...explanation.leftOut].map((m) => m.id.length));
  const answering = explanation.chosen.filter((m) => m.chapter === needsCategoryId);
  const others = explanation.chosen.filter((m) => m.chapter !== needsCategoryId);
  const byAudience = explanation.leftOut.filter((m) => m.reason === 'audience');
  const notInEffect = explanation.leftOut.filter((m) => m.reason !== 'audience');
  const lines = [
    say.heading({ id: firm.id, name: firm.name, where }),
    `  ${profile ?? say.noProfile()}`,
    `  ${say.counts({ chosen: explanation.chosen.length, inEffect: explanation.inEffect, asOf: explanation.asOf, answering: answering.length })}`,
    '',
  ];
  if (answering.length > 0) {
    lines.push(say.needsChapter({ n: answering.length }));
    for (const m of answering) {
      lines.push(`  ${pad(m.number, 6)}${pad(m.id, idWidth + 2)}${m.title}`, ...checkLines(m.checks));
    }
    lines.push('');
  }
  if (others.length > 0) {
    lines.push(say.otherChapters({ n: others.length }));
    for (const m of others) {
      lines.push(`  ${pad(m.number, 6)}${pad(m.id, idWidth + 2)}${m.title}`, ...checkLines(m.checks));
    }
    lines.push('');
  }
  if (byAudience.length > 0) {
    lines.push(say.leftOutAudience({ n: byAudience.length }));
    for (const m of byAudience) {
      lines.push(`  ${pad('', 6)}${pad(m.id, idWidth + 2)}${m.title}`, ...checkLines(m.checks, 'does-not-fit'));
    }
    lines.push('');
  }
  if (notInEffect.length > 0) {
    lines.push(say.leftOutNotInEffect({ asOf: explanation.asOf, n: notInEffect.length }));
    for (const m of notInEffect) {
      const when = m.reason === 'upcoming' ? say.starts({ date: m.from }) : say.ended({ date: m.until ?? '' });
      lines.push(`  ${pad('', 6)}${pad(m.id, idWidth + 2)}${m.title}`, `      ${when}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
