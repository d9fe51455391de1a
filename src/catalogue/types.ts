/**
 * The typed catalogue: one edition (guide.yaml) and its measures, as validated by the schema.
 * Dates are ISO strings "YYYY-MM-DD" (calendar dates, no time zone), so comparing two dates is
 * comparing two strings and nothing depends on the machine's clock or zone.
 */

import type { OutputFormat } from '../writers/formats.js';
import type { EditionLabels } from './labels.js';

export type IsoDate = string;

export interface Hotline {
  name: string;
  phone: string;
}

export interface Category {
  id: string;
  title: string;
  /** Markdown: a sentence or two that opens the chapter. */
  intro?: string;
}

export interface Edition {
  title: string;
  subtitle?: string;
  edition: string;
  date: IsoDate;
  publisher: string;
  locale: string;
  /** Markdown. */
  preface?: string;
  hotlines: Hotline[];
  categories: Category[];
  vocabularies: {
    industries: Record<string, string>;
    needs: Record<string, string>;
  };
  policies: string[];
  templates: string;
  /** Whether `policies`, `templates` and links may lead outside the edition folder. */
  allow_outside: boolean;
  /** `name`: output file name without extension (default: the title and edition). */
  output: { dir: string; formats: OutputFormat[]; name?: string };
  /**
   * `max_age_days`: how old a measure's `reviewed` date may get before validation warns;
   * `expiring_within_days`: how many days before its end date a measure counts as expiring soon.
   */
  review: { max_age_days: number; expiring_within_days: number };
  /** Simplified → Taiwan Traditional choices for `guide convert` (absent: the built-in dictionary, 臺). */
  terms?: EditionTerms;
  /** How channel types and statuses are worded on the card (defaults: 網上辦理, 窗口辦理, …, 現行有效). */
  labels: EditionLabels;
  /** The wording of a tailored guide's letter (guide batch): salutation and closing formula. */
  letter: EditionLetter;
  /** How `guide mail` signs and sends the guides (absent: `guide mail` asks for it). */
  mail?: EditionMail;
}

/**
 * guide.yaml `letter:`. `honorific` follows the contact's name when the firm list has no 稱謂;
 * `greeting` follows the addressee and honorific (王小明君台鑒：); `closing` is the closing formula, one line each: the first indented like a paragraph, the
 * others at the left margin (此致 / 敬禮), as a Chinese formal letter sets them.
 */
export interface EditionLetter {
  honorific: string;
  greeting: string;
  closing: string[];
}

/** guide.yaml `mail:`: the sender of `guide mail`, where replies go, and the attachment size warning. */
export interface EditionMail {
  /** `山東省委臺港澳辦 <service@example.gov.cn>` or a bare address. */
  from: string;
  reply_to?: string;
  /** The office's name as the letter signs it (default: the edition's publisher). */
  office?: string;
  /** Attachments of one message over this many megabytes are a warning. */
  max_attachment_mb: number;
}

/** guide.yaml `terms:`: 臺 or 台, protected terms, and the office's own Simplified → Traditional pairs. */
export interface EditionTerms {
  prefer: '臺' | '台';
  keep: string[];
  pairs: Record<string, string>;
}

export interface Basis {
  title: string;
  number?: string;
  date?: IsoDate;
  url?: string;
}

export interface Material {
  name: string;
  copies?: number;
  note?: string;
}

export const channelTypes = ['online', 'window', 'mail', 'phone', 'automatic'] as const;
export type ChannelType = (typeof channelTypes)[number];

export interface Channel {
  type: ChannelType;
  name: string;
  url?: string;
  address?: string;
  phone?: string;
}

export interface Contact {
  name: string;
  phone: string;
  hours?: string;
}

export interface Faq {
  q: string;
  a: string;
}

export const firmSizes = ['micro', 'small', 'medium', 'large'] as const;
export type FirmSize = (typeof firmSizes)[number];

/** Who a measure is for. Every present key narrows it; an absent audience means every firm. */
export interface Audience {
  industries?: string[];
  regions?: string[];
  sizes?: FirmSize[];
  exporter?: boolean;
  needs?: string[];
}

export interface Measure {
  id: string;
  title: string;
  category: string;
  /** Markdown inline. */
  summary: string;
  /** Markdown. */
  content?: string;
  authority: string;
  basis: Basis[];
  effective: { from: IsoDate; until?: IsoDate };
  eligibility: string[];
  materials: Material[];
  steps: string[];
  channels: Channel[];
  time_limit?: string;
  fee: string;
  contacts: Contact[];
  complaints: Contact[];
  faq: Faq[];
  audience?: Audience;
  reviewed?: IsoDate;
}

/** A measure together with the file it came from (relative to the edition folder). */
export interface MeasureEntry {
  file: string;
  measure: Measure;
}

export interface Catalogue {
  /** Folder holding guide.yaml; every file path in the catalogue is relative to it. */
  root: string;
  edition: Edition;
  /** In a stable order: category order from guide.yaml, then file path. */
  measures: MeasureEntry[];
}
