/**
 * The data templates see: a Selection turned into plain objects. Every optional field is present
 * with `null` when absent, because templates run in strict mode, where a name that is not there
 * at all is an error: `{{#if content}}` works on every measure, and a misspelt `{{contnet}}` fails.
 * Lists the appendices need (hotline directory, document index, measures by difficulty) are
 * computed here once, so templates only lay them out.
 */

import type { MeasureStatus, Selection } from '../catalogue/select.js';
import type {
  Audience,
  Basis,
  Category,
  Channel,
  Contact,
  Edition,
  FirmSize,
  Hotline,
  IsoDate,
  Material,
  Measure,
} from '../catalogue/types.js';

/** The root context of `guide.md.hbs`. */
export interface GuideView {
  edition: EditionView;
  /** The as-of date the measures were selected for. */
  asOf: IsoDate;
  chapters: ChapterView[];
  appendices: {
    /** Edition hotlines, then every measure's contacts; one entry per phone number. */
    hotlines: HotlineEntry[];
    /** Policy documents by 文號 (natural order); documents without one last, as first cited. */
    documents: DocumentEntry[];
    /** Needs (difficulties) in vocabulary order, each with the measures that answer it. */
    needs: NeedEntry[];
  };
  /** What changed since an earlier edition (`guide build --since`); null otherwise. */
  changes: ChangesView | null;
}

/**
 * The 本版更新說明 section (templates/changes.md.hbs): the measures added, removed and changed
 * since an earlier edition. Each change carries its sentence (`text`, the wording `guide diff`
 * prints), and its field and kind, for templates that group or word changes their own way.
 */
export interface ChangesView {
  /** The earlier edition compared against. */
  since: { title: string; edition: string; date: IsoDate; asOf: IsoDate };
  added: AddedMeasureView[];
  removed: RemovedMeasureView[];
  changed: ChangedMeasureView[];
  /** 「新增措施1項、停止執行1項、內容調整2項」: the counts that are not zero. */
  summary: string;
  /** True when nothing was added, removed or changed. */
  none: boolean;
}

/** A measure in this guide that the earlier one did not have; `number` is its number here. */
export interface AddedMeasureView {
  id: string;
  number: string;
  title: string;
  effective: { from: IsoDate; until: IsoDate | null };
  text: string;
}

/**
 * A measure of the earlier guide that this one leaves out: `expired` (its end date has passed;
 * `until` says when), `upcoming` (it starts later; `from` says when), or `deleted` (its file is
 * gone). `number` is its number in the earlier guide.
 */
export interface RemovedMeasureView {
  id: string;
  number: string;
  title: string;
  reason: 'expired' | 'upcoming' | 'deleted';
  expired: boolean;
  upcoming: boolean;
  deleted: boolean;
  from: IsoDate | null;
  until: IsoDate | null;
  text: string;
}

/** A measure in both guides whose printed fields differ; `number` is its number here. */
export interface ChangedMeasureView {
  id: string;
  number: string;
  title: string;
  changes: FieldChangeView[];
}

/** One change to one field, e.g. `{ field: 'effective', kind: 'extended', text: '有效期延長至2020年12月31日' }`. */
export interface FieldChangeView {
  field: string;
  /** The field's name as the service card prints it: 有效期, 政策依據, 諮詢電話, … */
  label: string;
  kind: string;
  text: string;
}

export interface EditionView {
  title: string;
  subtitle: string | null;
  edition: string;
  date: IsoDate;
  publisher: string;
  locale: string;
  preface: string | null;
  hotlines: Hotline[];
  categories: CategoryView[];
  vocabularies: Edition['vocabularies'];
  /** guide.yaml `labels`: how channel types and statuses are worded (every key present, defaults filled in). */
  labels: Edition['labels'];
}

export interface CategoryView {
  id: string;
  title: string;
  intro: string | null;
}

export interface ChapterView {
  number: number;
  /** Heading id of the chapter: `chapter-<category id>`. */
  id: string;
  category: CategoryView;
  measures: MeasureView[];
}

/** A measure with its number ("1.3"), its file and its status on the as-of date. */
export interface MeasureView {
  number: string;
  file: string;
  status: MeasureStatus;
  id: string;
  title: string;
  category: string;
  summary: string;
  content: string | null;
  authority: string;
  basis: BasisView[];
  effective: { from: IsoDate; until: IsoDate | null };
  eligibility: string[];
  materials: MaterialView[];
  steps: string[];
  channels: ChannelView[];
  time_limit: string | null;
  fee: string;
  contacts: ContactView[];
  complaints: ContactView[];
  faq: { q: string; a: string }[];
  audience: AudienceView | null;
  reviewed: IsoDate | null;
}

export interface BasisView {
  /** Without enclosing 《》, however the measure file wrote it. */
  title: string;
  number: string | null;
  date: IsoDate | null;
  url: string | null;
}

export interface MaterialView {
  name: string;
  copies: number | null;
  note: string | null;
}

export interface ChannelView {
  type: Channel['type'];
  name: string;
  url: string | null;
  address: string | null;
  phone: string | null;
}

export interface ContactView {
  name: string;
  phone: string;
  hours: string | null;
}

export interface AudienceView {
  industries: string[] | null;
  regions: string[] | null;
  sizes: FirmSize[] | null;
  exporter: boolean | null;
  needs: string[] | null;
}

export interface HotlineEntry {
  name: string;
  phone: string;
  hours: string | null;
}

/** A measure as a cross-reference target. */
export interface MeasureRef {
  id: string;
  number: string;
  title: string;
}

export interface DocumentEntry extends BasisView {
  measures: MeasureRef[];
}

export interface NeedEntry {
  code: string;
  label: string;
  measures: MeasureRef[];
}

/** Builds the template context for a selection. Pure: same selection, same view. */
export function buildView(selection: Selection, changes: ChangesView | null = null): GuideView {
  const edition = selection.edition;
  const chapters = selection.chapters.map((chapter): ChapterView => ({
    number: chapter.number,
    id: `chapter-${chapter.category.id}`,
    category: categoryView(chapter.category),
    measures: chapter.measures.map(({ number, entry }) =>
      // A selection holds only measures in effect on its as-of date.
      measureView(entry.measure, number, entry.file, 'active'),
    ),
  }));
  const measures = chapters.flatMap((chapter) => chapter.measures);
  return {
    edition: {
      ...editionNaming(edition),
      locale: edition.locale,
      preface: edition.preface ?? null,
      hotlines: edition.hotlines.map((hotline) => ({ name: hotline.name, phone: hotline.phone })),
      categories: edition.categories.map(categoryView),
      vocabularies: edition.vocabularies,
      labels: { ...edition.labels },
    },
    asOf: selection.asOf,
    chapters,
    appendices: {
      hotlines: hotlineDirectory(edition.hotlines, measures),
      documents: documentIndex(measures),
      needs: needIndex(edition.vocabularies.needs, measures),
    },
    changes,
  };
}

/** How an edition names itself: what the guide's cover and a firm's mail both print. */
export function editionNaming(edition: Edition) {
  return {
    title: edition.title,
    subtitle: edition.subtitle ?? null,
    edition: edition.edition,
    date: edition.date,
    publisher: edition.publisher,
  };
}

function categoryView(category: Category): CategoryView {
  return { id: category.id, title: category.title, intro: category.intro ?? null };
}

function measureView(measure: Measure, number: string, file: string, status: MeasureStatus): MeasureView {
  return {
    number,
    file,
    status,
    id: measure.id,
    title: measure.title,
    category: measure.category,
    summary: measure.summary,
    content: measure.content ?? null,
    authority: measure.authority,
    basis: measure.basis.map(basisView),
    effective: { from: measure.effective.from, until: measure.effective.until ?? null },
    eligibility: [...measure.eligibility],
    materials: measure.materials.map(materialView),
    steps: [...measure.steps],
    channels: measure.channels.map(channelView),
    time_limit: measure.time_limit ?? null,
    fee: measure.fee,
    contacts: measure.contacts.map(contactView),
    complaints: measure.complaints.map(contactView),
    faq: measure.faq.map((entry) => ({ q: entry.q, a: entry.a })),
    audience: measure.audience ? audienceView(measure.audience) : null,
    reviewed: measure.reviewed ?? null,
  };
}

// Staff write document titles with or without 《》; templates get them without, and add their own.
function basisView(basis: Basis): BasisView {
  const title = basis.title.trim().replace(/^《([^《》]*)》$/, '$1');
  return { title, number: basis.number ?? null, date: basis.date ?? null, url: basis.url ?? null };
}

function materialView(material: Material): MaterialView {
  return { name: material.name, copies: material.copies ?? null, note: material.note ?? null };
}

function channelView(channel: Channel): ChannelView {
  return {
    type: channel.type,
    name: channel.name,
    url: channel.url ?? null,
    address: channel.address ?? null,
    phone: channel.phone ?? null,
  };
}

function contactView(contact: Contact): ContactView {
  return { name: contact.name, phone: contact.phone, hours: contact.hours ?? null };
}

function audienceView(audience: Audience): AudienceView {
  return {
    industries: audience.industries ? [...audience.industries] : null,
    regions: audience.regions ? [...audience.regions] : null,
    sizes: audience.sizes ? [...audience.sizes] : null,
    exporter: audience.exporter ?? null,
    needs: audience.needs ? [...audience.needs] : null,
  };
}

function measureRef(measure: MeasureView): MeasureRef {
  return { id: measure.id, number: measure.number, title: measure.title };
}

// One line per phone number: several departments may answer one number, and the same hotline
// is often written with and without a note ("服務熱線（24小時）" and "服務熱線"). Names are joined,
// leaving out a name another one already contains; the first hours given are kept.
function hotlineDirectory(hotlines: Hotline[], measures: MeasureView[]): HotlineEntry[] {
  const entries = new Map<string, { names: string[]; phone: string; hours: string | null }>();
  const add = (name: string, phone: string, hours: string | null) => {
    const key = phone.replace(/\D/g, '') || phone.trim();
    const entry = entries.get(key) ?? { names: [], phone: phone.trim(), hours: null };
    entries.set(key, entry);
    const named = name.trim();
    if (!entry.names.some((known) => known.includes(named))) {
      entry.names = [...entry.names.filter((known) => !named.includes(known)), named];
    }
    entry.hours ??= hours;
  };
  for (const hotline of hotlines) add(hotline.name, hotline.phone, null);
  for (const measure of measures) {
    for (const contact of measure.contacts) add(contact.name, contact.phone, contact.hours);
  }
  return [...entries.values()].map(({ names, phone, hours }) => ({ name: names.join('、'), phone, hours }));
}

function documentIndex(measures: MeasureView[]): DocumentEntry[] {
  const documents = new Map<string, DocumentEntry>();
  for (const measure of measures) {
    for (const basis of measure.basis) {
      const key = basis.number !== null ? `number\u0000${basis.number.trim()}` : `title\u0000${basis.title.trim()}`;
      let entry = documents.get(key);
      if (entry === undefined) {
        entry = { ...basis, measures: [] };
        documents.set(key, entry);
      }
      if (!entry.measures.some((ref) => ref.id === measure.id)) entry.measures.push(measureRef(measure));
    }
  }
  const all = [...documents.values()];
  const numbered = all.filter((entry) => entry.number !== null);
  numbered.sort((a, b) => compareNatural(a.number!, b.number!));
  return [...numbered, ...all.filter((entry) => entry.number === null)];
}

function needIndex(vocabulary: Record<string, string>, measures: MeasureView[]): NeedEntry[] {
  const codes = new Set(Object.keys(vocabulary));
  // Codes the vocabulary lacks are a validation error elsewhere; list them after, as written.
  for (const measure of measures) for (const code of measure.audience?.needs ?? []) codes.add(code);
  const entries: NeedEntry[] = [];
  for (const code of codes) {
    const answering: MeasureView[] = [];
    for (const measure of measures) if (measure.audience?.needs?.includes(code)) answering.push(measure);
    if (answering.length === 0) continue;
    const label = Object.hasOwn(vocabulary, code) ? vocabulary[code]! : code;
    entries.push({ code, label, measures: answering.map(measureRef) });
  }
  return entries;
}

/**
 * Orders document numbers as people read them: digit runs by value, so 第4號 comes before
 * 第13號; other text by code point, which depends on neither locale data nor the Node version.
 */
export function compareNatural(a: string, b: string): number {
  const split = (text: string) => text.match(/\d+|\D+/g) ?? [];
  const left = split(a);
  const right = split(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const difference = Number(x) - Number(y);
      if (difference !== 0) return difference;
    }
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}
