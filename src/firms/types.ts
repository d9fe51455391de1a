/**
 * Firms, as read from a firm list (CSV, XLSX or YAML) for tailored guides (一企一策). Codes
 * (industries, needs) are the edition's vocabulary codes, whatever the list wrote: a code, or its
 * Chinese label.
 */

import type { FirmSize } from '../catalogue/types.js';
import type { Range } from '../diagnostics/diagnostic.js';
import { firmFieldLabelMessages } from '../messages/firms.js';

/** The columns of a firm list, in the order DESIGN.md lists them. */
export const firmFields = [
  'id',
  'name',
  'contact',
  'honorific',
  'email',
  'city',
  'industry',
  'size',
  'exporter',
  'needs',
] as const;
/** One column of a firm list. */
export type FirmField = (typeof firmFields)[number];

/**
 * The Chinese name of each column as messages print it, in the reader's script (English keeps the
 * Traditional header). Each read looks the label up, so messages made after `setLanguage` follow it.
 */
export const firmFieldLabels: Readonly<Record<FirmField, string>> = Object.defineProperties(
  {} as Record<FirmField, string>,
  Object.fromEntries(
    firmFields.map((field) => [field, { enumerable: true, get: () => firmFieldLabelMessages[field]() }]),
  ),
);

/** One firm. An empty cell is `null` (or an empty list): the firm did not say. */
export interface Firm {
  id: string;
  name: string;
  contact: string | null;
  /** 稱謂: how the letter addresses the contact (君, 先生, 女士, 經理…); null: the edition's default. */
  honorific: string | null;
  email: string | null;
  city: string | null;
  /** Industry codes (a firm may name more than one). */
  industries: string[];
  size: FirmSize | null;
  exporter: boolean | null;
  /** Need codes: the difficulties the firm reported, in the order it wrote them. */
  needs: string[];
}

/** A firm that said nothing: every audience key is "not narrowed". */
export const emptyFirm: Readonly<Firm> = {
  id: '',
  name: '',
  contact: null,
  honorific: null,
  email: null,
  city: null,
  industries: [],
  size: null,
  exporter: null,
  needs: [],
};

/** Where a value sits in the firm list, for diagnostics. */
export interface CellPlace {
  /** Character offsets into the decoded text (CSV, YAML); absent for XLSX, which has no text. */
  range?: Range;
  /** How messages name the place: `row 3, column F (行業)` or `firm 3, 行業`. */
  label: string;
}

/** A firm with the places its values came from. */
export interface FirmRow {
  firm: Firm;
  /** `row 3` (sheet row, header row counted) or `firm 3` (YAML list entry). */
  label: string;
  /** The sheet row number, or the firm's place in a YAML list (1-based): file order. */
  number: number;
  /** The row as a whole, and each column that had a value. */
  place: CellPlace;
  cells: Partial<Record<FirmField, CellPlace>>;
}
