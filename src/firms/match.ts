/**
 * Which measures a tailored guide holds, and why. A measure's `audience` narrows who it is for:
 * every key it has must fit the firm (industries, regions against the firm's city, sizes,
 * exporter, needs against the difficulties the firm reported). An absent audience is for every
 * firm. A key the firm left empty does not narrow: not knowing a firm's size is no reason to keep
 * a measure from it. Measures not in effect on the as-of date are left out whatever the audience.
 *
 * Chosen measures that answer a difficulty the firm reported open the guide (「針對貴公司反映的
 * 困難」); the rest follow by chapter.
 */

import { measureStatus, type MeasureStatus } from '../catalogue/select.js';
import type { Audience, Catalogue, FirmSize, IsoDate, MeasureEntry } from '../catalogue/types.js';
import { firmMatchMessages as say } from '../messages/firms.js';
import type { FirmVocabularies } from './records.js';
import type { Firm } from './types.js';

/** The audience keys a measure may narrow by. */
export type Criterion = 'industries' | 'regions' | 'sizes' | 'exporter' | 'needs';

/** How one audience key judged the firm: it fits, it does not, or the firm did not say. */
export interface CriterionCheck {
  criterion: Criterion;
  verdict: 'fits' | 'does-not-fit' | 'firm-did-not-say';
  /** Why, in words, with the Chinese labels staff know. */
  reason: string;
}

/** One measure judged for one firm. */
export interface MeasureVerdict {
  entry: MeasureEntry;
  /** `chosen`: in the guide; `audience`: its audience leaves the firm out; `not-in-effect`: on the as-of date. */
  outcome: 'chosen' | 'audience' | 'not-in-effect';
  status: MeasureStatus;
  /** The firm's needs this measure answers (codes, in the firm's order). */
  answers: string[];
  checks: CriterionCheck[];
}

/** The measures a firm's guide holds, in two groups: what its guide is built from. */
export interface FirmChoice {
  firm: Firm;
  /** Chosen measures that answer a need the firm reported, in catalogue order. */
  answering: MeasureEntry[];
  /** The other chosen measures, in catalogue order. */
  others: MeasureEntry[];
}

/** Every measure judged for one firm, and the two groups its guide is made of. */
export interface FirmMatch extends FirmChoice {
  asOf: IsoDate;
  /** In catalogue order. */
  verdicts: MeasureVerdict[];
}

const sizeLabels: Record<FirmSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

function label(vocabulary: Record<string, string>, code: string): string {
  return Object.hasOwn(vocabulary, code) ? vocabulary[code]! : code;
}

function labels(vocabulary: Record<string, string>, codes: readonly string[]): string {
  return codes.map((code) => label(vocabulary, code)).join('、');
}

// "青島" and "青島市" are one city; "山東省青島市" is in 青島市 too.
function sameCity(city: string, region: string): boolean {
  const strip = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').replace(/市$/, '');
  const a = strip(city);
  const b = strip(region);
  return a === b || a.endsWith(b) || a.endsWith(`${b}市`);
}

/** Judges one audience against one firm, key by key. */
export function checkAudience(
  audience: Audience | undefined,
  firm: Firm,
  vocabularies: FirmVocabularies,
): { fits: boolean; answers: string[]; checks: CriterionCheck[] } {
  const checks: CriterionCheck[] = [];
  let answers: string[] = [];
  if (audience?.industries) {
    const allowed = labels(vocabularies.industries, audience.industries);
    if (firm.industries.length === 0) {
      checks.push({
        criterion: 'industries',
        verdict: 'firm-did-not-say',
        reason: say.noIndustry({ allowed }),
      });
    } else {
      const common = firm.industries.filter((code) => audience.industries!.includes(code));
      const firmIndustries = labels(vocabularies.industries, firm.industries);
      checks.push(
        common.length > 0
          ? {
              criterion: 'industries',
              verdict: 'fits',
              reason: say.firmIs({ allowed, firm: labels(vocabularies.industries, common) }),
            }
          : {
              criterion: 'industries',
              verdict: 'does-not-fit',
              reason: say.firmIs({ allowed, firm: firmIndustries }),
            },
      );
    }
  }
  if (audience?.regions) {
    const allowed = audience.regions.join('、');
    if (firm.city === null) {
      checks.push({
        criterion: 'regions',
        verdict: 'firm-did-not-say',
        reason: say.noCity({ allowed }),
      });
    } else {
      const fits = audience.regions.some((region) => sameCity(firm.city!, region));
      checks.push({
        criterion: 'regions',
        verdict: fits ? 'fits' : 'does-not-fit',
        reason: say.firmIsIn({ allowed, city: firm.city }),
      });
    }
  }
  if (audience?.sizes) {
    const allowed = audience.sizes.map((size) => sizeLabels[size]).join('、');
    if (firm.size === null) {
      checks.push({ criterion: 'sizes', verdict: 'firm-did-not-say', reason: say.noSize({ allowed }) });
    } else {
      checks.push({
        criterion: 'sizes',
        verdict: audience.sizes.includes(firm.size) ? 'fits' : 'does-not-fit',
        reason: say.firmIs({ allowed, firm: sizeLabels[firm.size] }),
      });
    }
  }
  if (audience?.exporter !== undefined) {
    const wanted = audience.exporter ? say.exporters() : say.nonExporters();
    if (firm.exporter === null) {
      checks.push({
        criterion: 'exporter',
        verdict: 'firm-did-not-say',
        reason: say.exporterUnknown({ wanted }),
      });
    } else {
      checks.push({
        criterion: 'exporter',
        verdict: firm.exporter === audience.exporter ? 'fits' : 'does-not-fit',
        reason: firm.exporter ? say.exports({ wanted }) : say.doesNotExport({ wanted }),
      });
    }
  }
  if (audience?.needs) {
    const answered = labels(vocabularies.needs, audience.needs);
    if (firm.needs.length === 0) {
      checks.push({
        criterion: 'needs',
        verdict: 'firm-did-not-say',
        reason: say.noNeeds({ needs: answered }),
      });
    } else {
      answers = firm.needs.filter((code) => audience.needs!.includes(code));
      checks.push(
        answers.length > 0
          ? {
              criterion: 'needs',
              verdict: 'fits',
              reason: say.answers({ needs: labels(vocabularies.needs, answers) }),
            }
          : {
              criterion: 'needs',
              verdict: 'does-not-fit',
              reason: say.answersOthers({ needs: answered, reported: labels(vocabularies.needs, firm.needs) }),
            },
      );
    }
  }
  return { fits: checks.every((check) => check.verdict !== 'does-not-fit'), answers, checks };
}

/** Judges every measure of the catalogue for one firm on the as-of date. */
export function matchFirm(catalogue: Catalogue, firm: Firm, asOf: IsoDate): FirmMatch {
  const vocabularies = catalogue.edition.vocabularies;
  const verdicts: MeasureVerdict[] = [];
  const answering: MeasureEntry[] = [];
  const others: MeasureEntry[] = [];
  // Catalogue order is chapter order, then file path: the order the guide prints them in.
  for (const entry of catalogue.measures) {
    const status = measureStatus(entry.measure, asOf);
    const { fits, answers, checks } = checkAudience(entry.measure.audience, firm, vocabularies);
    const outcome = status !== 'active' ? 'not-in-effect' : fits ? 'chosen' : 'audience';
    verdicts.push({ entry, outcome, status, answers, checks });
    if (outcome === 'chosen') (answers.length > 0 ? answering : others).push(entry);
  }
  return { firm, asOf, verdicts, answering, others };
}
