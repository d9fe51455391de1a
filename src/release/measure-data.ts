/**
 * A measure as the manifest keeps it: its fields in the order of the measure format, without
 * absent optional fields and empty lists, so the copy is small and the same measure always gives
 * the same JSON. `readMeasureData` turns such a copy back into a Measure, checking each value it
 * will use, because a manifest is a file a person may have edited.
 */

import { channelTypes, firmSizes } from '../catalogue/types.js';
import type { Audience, Basis, Channel, Contact, Faq, Material, Measure } from '../catalogue/types.js';
import { manifestMessages as say } from '../messages/release.js';

/** A manifest value that does not have the form guide writes; the message names where. */
export class ManifestShapeError extends Error {
  override name = 'ManifestShapeError';
}

type Json = Record<string, unknown>;

/** Drops undefined values and empty lists, keeping the key order given. */
function pruned(entries: [string, unknown][]): Json {
  return Object.fromEntries(
    entries.filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}

/** The measure's fields in the measure format's order, without what is absent or empty. */
export function compactMeasure(measure: Measure): Json {
  const audience = measure.audience;
  return pruned([
    ['id', measure.id],
    ['title', measure.title],
    ['category', measure.category],
    ['summary', measure.summary],
    ['content', measure.content],
    ['authority', measure.authority],
    [
      'basis',
      measure.basis.map((b) =>
        pruned([
          ['title', b.title],
          ['number', b.number],
          ['date', b.date],
          ['url', b.url],
        ]),
      ),
    ],
    [
      'effective',
      pruned([
        ['from', measure.effective.from],
        ['until', measure.effective.until],
      ]),
    ],
    ['eligibility', measure.eligibility],
    [
      'materials',
      measure.materials.map((m) =>
        pruned([
          ['name', m.name],
          ['copies', m.copies],
          ['note', m.note],
        ]),
      ),
    ],
    ['steps', measure.steps],
    [
      'channels',
      measure.channels.map((c) =>
        pruned([
          ['type', c.type],
          ['name', c.name],
          ['url', c.url],
          ['address', c.address],
          ['phone', c.phone],
        ]),
      ),
    ],
    ['time_limit', measure.time_limit],
    ['fee', measure.fee],
    ['contacts', measure.contacts.map(compactContact)],
    ['complaints', measure.complaints.map(compactContact)],
    ['faq', measure.faq.map((f) => ({ q: f.q, a: f.a }))],
    [
      'audience',
      audience === undefined
        ? undefined
        : pruned([
            ['industries', audience.industries],
            ['regions', audience.regions],
            ['sizes', audience.sizes],
            ['exporter', audience.exporter],
            ['needs', audience.needs],
          ]),
    ],
    ['reviewed', measure.reviewed],
  ]);
}

function compactContact(contact: Contact): Json {
  return pruned([
    ['name', contact.name],
    ['phone', contact.phone],
    ['hours', contact.hours],
  ]);
}

/** Reads the fields of one JSON object, naming the path (`measures.included[3].data.basis`) in every complaint. */
export class JsonFields {
  constructor(
    private readonly value: Json,
    private readonly where: string,
  ) {}

  static of(value: unknown, where: string): JsonFields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new ManifestShapeError(say.object({ where }));
    }
    return new JsonFields(value as Json, where);
  }

  text(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string') throw new ManifestShapeError(say.text({ where: `${this.where}.${key}` }));
    return value;
  }

  optionalText(key: string): string | undefined {
    return this.value[key] === undefined ? undefined : this.text(key);
  }

  optionalNumber(key: string): number | undefined {
    const value = this.value[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number') throw new ManifestShapeError(say.number({ where: `${this.where}.${key}` }));
    return value;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.value[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw new ManifestShapeError(say.boolean({ where: `${this.where}.${key}` }));
    return value;
  }

  /** A list (absent = empty), each item read by `read`. */
  list<T>(key: string, read: (item: unknown, where: string) => T): T[] {
    const value = this.value[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new ManifestShapeError(say.list({ where: `${this.where}.${key}` }));
    return value.map((item, index) => read(item, `${this.where}.${key}[${index}]`));
  }

  optionalList<T>(key: string, read: (item: unknown, where: string) => T): T[] | undefined {
    return this.value[key] === undefined ? undefined : this.list(key, read);
  }

  /** An object of text values (absent = empty), e.g. code → label. */
  textRecord(key: string): Record<string, string> {
    if (this.value[key] === undefined) return {};
    const record = this.object(key);
    return Object.fromEntries(Object.keys(record.value).map((name) => [name, record.text(name)]));
  }

  /** A value as it is, for a reader of its own. */
  raw(key: string): unknown {
    return this.value[key];
  }

  object(key: string): JsonFields {
    return JsonFields.of(this.value[key], `${this.where}.${key}`);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }
}

/** Drops keys whose value is undefined, so a read measure equals a loaded one field for field. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const textItem = (item: unknown, where: string): string => {
  if (typeof item !== 'string') throw new ManifestShapeError(say.text({ where }));
  return item;
};

function oneOfItem<T extends string>(values: readonly T[]) {
  return (item: unknown, where: string): T => {
    if (typeof item !== 'string' || !(values as readonly string[]).includes(item)) {
      throw new ManifestShapeError(say.oneOf({ where, values: values.join(', ') }));
    }
    return item as T;
  };
}

const contactItem = (item: unknown, where: string): Contact => {
  const f = JsonFields.of(item, where);
  return defined({ name: f.text('name'), phone: f.text('phone'), hours: f.optionalText('hours') });
};

/** A measure from a manifest's `data`; throws ManifestShapeError naming the first bad value. */
export function readMeasureData(value: unknown, where: string): Measure {
  const f = JsonFields.of(value, where);
  const effective = f.object('effective');
  const audience = f.has('audience') ? f.object('audience') : undefined;
  return defined({
    id: f.text('id'),
    title: f.text('title'),
    category: f.text('category'),
    summary: f.text('summary'),
    content: f.optionalText('content'),
    authority: f.text('authority'),
    basis: f.list('basis', (item, at): Basis => {
      const b = JsonFields.of(item, at);
      return defined({
        title: b.text('title'),
        number: b.optionalText('number'),
        date: b.optionalText('date'),
        url: b.optionalText('url'),
      });
    }),
    effective: defined({ from: effective.text('from'), until: effective.optionalText('until') }),
    eligibility: f.list('eligibility', textItem),
    materials: f.list('materials', (item, at): Material => {
      const m = JsonFields.of(item, at);
      return defined({ name: m.text('name'), copies: m.optionalNumber('copies'), note: m.optionalText('note') });
    }),
    steps: f.list('steps', textItem),
    channels: f.list('channels', (item, at): Channel => {
      const c = JsonFields.of(item, at);
      return defined({
        type: oneOfItem(channelTypes)(c.text('type'), `${at}.type`),
        name: c.text('name'),
        url: c.optionalText('url'),
        address: c.optionalText('address'),
        phone: c.optionalText('phone'),
      });
    }),
    time_limit: f.optionalText('time_limit'),
    fee: f.text('fee'),
    contacts: f.list('contacts', contactItem),
    complaints: f.list('complaints', contactItem),
    faq: f.list('faq', (item, at): Faq => {
      const q = JsonFields.of(item, at);
      return { q: q.text('q'), a: q.text('a') };
    }),
    audience:
      audience === undefined
        ? undefined
        : defined<Audience>({
            industries: audience.optionalList('industries', textItem),
            regions: audience.optionalList('regions', textItem),
            sizes: audience.optionalList('sizes', oneOfItem(firmSizes)),
            exporter: audience.optionalBoolean('exporter'),
            needs: audience.optionalList('needs', textItem),
          }),
    reviewed: f.optionalText('reviewed'),
  });
}
