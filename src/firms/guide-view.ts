/**
 * The data a tailored guide's templates see (templates/firm-guide.md.hbs, letter.md.hbs): the
 * whole-guide view of the firm's measures, plus the firm, the letter's facts, and the chapter of
 * measures that answer the difficulties the firm reported. That chapter comes first, so its
 * measures are numbered 1.1, 1.2, …, and the other chapters count on from 2.
 */

import type { Chapter, Selection } from '../catalogue/select.js';
import type { Catalogue, Category, FirmSize, Hotline, IsoDate, MeasureEntry } from '../catalogue/types.js';
import { buildView, type ChapterView, type GuideView, type MeasureRef } from '../template/view.js';
import type { FirmChoice } from './match.js';
import type { Firm } from './types.js';

/** A code with its Chinese label. */
export interface CodeView {
  code: string;
  label: string;
}

/** The firm, as its letter addresses it. Empty fields are null (or empty lists). */
export interface FirmView {
  id: string;
  name: string;
  contact: string | null;
  /** 稱謂 after the contact's name: the firm list's, else guide.yaml `letter.honorific` (君); null without a contact. */
  honorific: string | null;
  email: string | null;
  city: string | null;
  industries: CodeView[];
  size: CodeView | null;
  exporter: boolean | null;
  needs: CodeView[];
  /** What the firm told us, in one line: 行業：製造業；規模：中型；所在城市：青島市；出口企業. Null when nothing. */
  profile: string | null;
}

/** Facts the letter states. */
export interface LetterView {
  /** The letter's date. */
  date: IsoDate;
  /** 提稱語 after the addressee (guide.yaml `letter.greeting`, 台鑒). */
  greeting: string;
  /** The closing formula, a line each (guide.yaml `letter.closing`, 此致 / 敬禮). */
  closing: string[];
  /** The office's first hotline (guide.yaml `hotlines`), null when there is none. */
  hotline: Hotline | null;
  /** Measures in effect on the as-of date: what the firm's measures were chosen from. */
  inEffect: number;
  /** Measures in this guide, in the needs chapter, and in the other chapters. */
  chosen: number;
  answering: number;
  others: number;
}

/** One difficulty the firm reported and the chosen measures that answer it (possibly none). */
export interface FirmNeedView extends CodeView {
  measures: MeasureRef[];
}

/** The root context of firm-guide.md.hbs. */
export interface FirmGuideView extends GuideView {
  firm: FirmView;
  letter: LetterView;
  /** The first chapter: measures answering the firm's difficulties; null when none does. */
  needsChapter: (ChapterView & { needs: FirmNeedView[] }) | null;
}

/** Id of the needs chapter's category; its heading id is `chapter-firm-needs`. */
export const needsCategoryId = 'firm-needs';

const sizeLabels: Record<FirmSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

function codeViews(codes: readonly string[], vocabulary: Record<string, string>): CodeView[] {
  return codes.map((code) => ({ code, label: Object.hasOwn(vocabulary, code) ? vocabulary[code]! : code }));
}

/** The selection a firm's guide prints: the needs chapter first, then the edition's chapters. */
export function firmSelection(catalogue: Catalogue, choice: FirmChoice, asOf: IsoDate, needsTitle: string): Selection {
  const chapters: Chapter[] = [];
  const add = (category: Category, entries: MeasureEntry[]) => {
    if (entries.length === 0) return;
    const number = chapters.length + 1;
    chapters.push({
      number,
      category,
      measures: entries.map((entry, index) => ({ number: `${number}.${index + 1}`, entry })),
    });
  };
  add({ id: needsCategoryId, title: needsTitle }, choice.answering);
  for (const category of catalogue.edition.categories) {
    add(
      category,
      choice.others.filter((entry) => entry.measure.category === category.id),
    );
  }
  // What was left out is the edition build's report; a firm's guide reports its choice instead.
  return { edition: catalogue.edition, asOf, chapters, excluded: [] };
}

/** The dates of a firm's guide, and how many measures it was chosen from. */
export interface FirmGuideDates {
  asOf: IsoDate;
  letterDate: IsoDate;
  /** Measures in effect on the as-of date. */
  inEffect: number;
}

/** Builds the template context of one firm's guide. Pure. */
export function buildFirmGuideView(catalogue: Catalogue, choice: FirmChoice, dates: FirmGuideDates): FirmGuideView {
  const { firm } = choice;
  const vocabularies = catalogue.edition.vocabularies;
  const selection = firmSelection(catalogue, choice, dates.asOf, '針對貴公司反映的困難');
  const view = buildView(selection);
  const hasNeeds = selection.chapters[0]?.category.id === needsCategoryId;
  const needsChapter = hasNeeds ? view.chapters[0]! : null;
  const needs = codeViews(firm.needs, vocabularies.needs);
  return {
    ...view,
    chapters: hasNeeds ? view.chapters.slice(1) : view.chapters,
    firm: firmView(firm, catalogue.edition),
    letter: {
      date: dates.letterDate,
      greeting: catalogue.edition.letter.greeting,
      closing: [...catalogue.edition.letter.closing],
      hotline: catalogue.edition.hotlines[0] ?? null,
      inEffect: dates.inEffect,
      chosen: choice.answering.length + choice.others.length,
      answering: choice.answering.length,
      others: choice.others.length,
    },
    needsChapter: needsChapter && {
      ...needsChapter,
      needs: needs.map((need) => ({
        ...need,
        measures: needsChapter.measures
          .filter((measure) => measure.audience?.needs?.includes(need.code))
          .map((measure) => ({ id: measure.id, number: measure.number, title: measure.title })),
      })),
    },
  };
}

/** The firm as its letter addresses it: codes with their labels, and one line of what it told us. */
export function firmView(firm: Firm, edition: Pick<Catalogue['edition'], 'vocabularies' | 'letter'>): FirmView {
  const { vocabularies } = edition;
  const industries = codeViews(firm.industries, vocabularies.industries);
  const needs = codeViews(firm.needs, vocabularies.needs);
  const size = firm.size === null ? null : { code: firm.size, label: sizeLabels[firm.size] };
  const profile = [
    industries.length > 0 ? `行業：${industries.map((i) => i.label).join('、')}` : '',
    size ? `規模：${size.label}` : '',
    firm.city !== null ? `所在城市：${firm.city}` : '',
    firm.exporter === null ? '' : firm.exporter ? '出口企業' : '非出口企業',
    needs.length > 0 ? `困難訴求：${needs.map((n) => n.label).join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  return {
    id: firm.id,
    name: firm.name,
    contact: firm.contact,
    honorific: firm.contact === null ? null : (firm.honorific ?? edition.letter.honorific),
    email: firm.email,
    city: firm.city,
    industries,
    size,
    exporter: firm.exporter,
    needs,
    profile: profile === '' ? null : profile,
  };
}
