/**
 * Raw records (a table row or a YAML entry, values as the file holds them) → firms. Each value is
 * checked and turned into what matching uses: industry and need codes from the edition's
 * vocabularies (a code or its Chinese label), a size, exporter yes or no. A record with any error
 * is reported at its row and column and left out; the others go on.
 */

import traditionalToSimplified from 'opencc-js/dict/TSCharacters';
import { closestMatch } from '../schema/did-you-mean.js';
import { firmSizes, type FirmSize } from '../catalogue/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { firmPlaceMessages as place, firmValueMessages as say } from '../messages/firms.js';
import { isWindowsReservedName } from '../io/file-names.js';
import { isEmailAddress } from '../mail/address.js';
import { describeField } from './columns.js';
import type { CellValue } from './table.js';
import type { CellPlace, Firm, FirmField, FirmRow } from './types.js';

/** A value and where it came from; `null` for an empty cell. */
export interface RawValue {
  value: CellValue | null;
  place: CellPlace;
  /** Why the value could not be read (a YAML map where a value belongs); `value` is then null. */
  problem?: Diagnostic;
}

/** One firm as the file holds it. */
export interface RawRecord {
  /** `row 3` or `firm 3`. */
  label: string;
  /** The spreadsheet row number, or the firm's place in a YAML list (1-based). */
  number: number;
  place: CellPlace;
  values: Partial<Record<FirmField, RawValue>>;
  /** Why the record as a whole could not be read (a YAML entry that is not a mapping). */
  problem?: Diagnostic;
}

/** The codes firms and measures share (guide.yaml `vocabularies`). */
export interface FirmVocabularies {
  industries: Record<string, string>;
  needs: Record<string, string>;
}

/** Several values in one cell: 融資困難；用工緊張, financing;labour, 融資困難、用工緊張, or one per line. */
const listSeparators = /[;；、,，\n\r]+/;

/** Firm ids name folders: letters (any script), digits, ".", "_" and "-", as on every file system. */
const idPattern = /^[\p{L}\p{N}](?:[\p{L}\p{N}._-]{0,62}[\p{L}\p{N}_-])?$/u;

const sizeWords: Record<string, FirmSize> = {
  微: 'micro',
  微型: 'micro',
  小: 'small',
  小型: 'small',
  中: 'medium',
  中型: 'medium',
  大: 'large',
  大型: 'large',
};
const sizeLabels: Record<FirmSize, string> = { micro: '微型', small: '小型', medium: '中型', large: '大型' };

const yesWords = new Set(['是', 'y', 'yes', 'true', '1', '出口', '有']);
const noWords = new Set(['否', 'n', 'no', 'false', '0', '非出口', '不出口', '無', '无']);

function text(value: CellValue): string {
  return String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key two ids are compared by: case and width folded, as case-insensitive file systems do. */
export function firmIdKey(id: string): string {
  return id.normalize('NFKC').toLowerCase();
}

let simplifiedChars: Map<string, string> | undefined;
const foldedLabels = new Map<string, string>();

/**
 * A label as compared: width folded, and in Simplified characters (OpenCC's character table), so
 * 制造业 in a list saved by Excel on Chinese Windows names 製造業. Only characters are mapped, not
 * wording: 电子信息 is not 電子資訊, and gets a "did you mean".
 */
function foldLabel(text: string): string {
  const known = foldedLabels.get(text);
  if (known !== undefined) return known;
  if (!simplifiedChars) {
    simplifiedChars = new Map();
    for (const entry of traditionalToSimplified.split('|')) {
      const [traditional, simplified] = entry.split(' ');
      if (traditional && simplified) simplifiedChars.set(traditional, simplified);
    }
  }
  let folded = '';
  for (const char of text.normalize('NFKC').trim()) folded += simplifiedChars.get(char) ?? char;
  // Labels recur row after row; values are few words each.
  if (foldedLabels.size < 10_000) foldedLabels.set(text, folded);
  return folded;
}

/** The code a value names: the code itself (any case) or its label, in Traditional or Simplified characters. */
function lookupCode(value: string, vocabulary: Record<string, string>): string | undefined {
  const lower = value.normalize('NFKC').trim().toLowerCase();
  const folded = foldLabel(value);
  for (const [code, label] of Object.entries(vocabulary)) {
    if (code.toLowerCase() === lower || foldLabel(label) === folded) return code;
  }
  return undefined;
}

function suggestCode(value: string, vocabulary: Record<string, string>): string | undefined {
  const folded = value.normalize('NFKC').trim();
  const candidates = [...Object.keys(vocabulary), ...Object.values(vocabulary)];
  // Two Chinese characters say a lot: 電子 is most likely 電子資訊, though three letters differ.
  const near =
    closestMatch(folded, candidates) ??
    (folded.length >= 2 ? Object.values(vocabulary).find((label) => label.includes(folded)) : undefined);
  if (near === undefined) return undefined;
  const code = lookupCode(near, vocabulary)!;
  return place.code({ label: vocabulary[code]!, code });
}

class RecordReader {
  readonly errors: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly record: RawRecord,
  ) {}

  fail(code: DiagnosticCode, where: CellPlace, message: string, hint?: string): void {
    this.errors.push(
      diagnostic(code, place.at({ place: where.label, problem: message }), {
        file: this.file,
        ...(where.range ? { range: where.range } : {}),
        ...(hint !== undefined ? { hint } : {}),
      }),
    );
  }

  /** The value of a field as one line of text, or null when empty. */
  text(field: FirmField): { value: string; place: CellPlace } | null {
    const raw = this.record.values[field];
    if (!raw || raw.value === null) return null;
    const value = text(raw.value);
    return value === '' ? null : { value, place: raw.place };
  }

  required(field: 'id' | 'name'): string | null {
    const found = this.text(field);
    if (found) return found.value;
    // Its shape was reported already.
    if (this.record.values[field]?.problem) return null;
    this.fail(
      'E-FIRM-REQUIRED',
      this.record.values[field]?.place ?? this.record.place,
      say.empty({ field: describeField(field) }),
      field === 'id' ? say.idRequiredHint() : say.nameRequiredHint(),
    );
    return null;
  }

  codes(field: 'industry' | 'needs', vocabulary: Record<string, string>, what: string): string[] {
    const found = this.text(field);
    if (!found) return [];
    // Lists are split on the raw value: a line break inside an Excel cell separates entries too.
    const raw = String(this.record.values[field]!.value);
    const codes: string[] = [];
    for (const part of raw
      .split(listSeparators)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const code = lookupCode(part, vocabulary);
      if (code !== undefined) {
        if (!codes.includes(code)) codes.push(code);
        continue;
      }
      const near = suggestCode(part, vocabulary);
      this.fail(
        'E-FIRM-CODE-UNKNOWN',
        found.place,
        near !== undefined ? say.unknownCodeNear({ what, value: part, near }) : say.unknownCode({ what, value: part }),
        say.unknownCodeHint({
          list: Object.entries(vocabulary)
            .map(([c, l]) => place.code({ label: l, code: c }))
            .join('、'),
        }),
      );
    }
    return codes;
  }

  size(): FirmSize | null {
    const found = this.text('size');
    if (!found) return null;
    const word = found.value
      .normalize('NFKC')
      .toLowerCase()
      .replace(/(企業|企业)$/, '');
    const size = (firmSizes as readonly string[]).includes(word) ? (word as FirmSize) : sizeWords[word];
    if (size !== undefined) return size;
    this.fail(
      'E-FIRM-VALUE',
      found.place,
      say.notSize({ value: found.value }),
      say.sizeHint({ list: firmSizes.map((s) => place.code({ label: sizeLabels[s], code: s })).join('、') }),
    );
    return null;
  }

  exporter(): boolean | null {
    const raw = this.record.values.exporter;
    if (!raw || raw.value === null) return null;
    if (typeof raw.value === 'boolean') return raw.value;
    const word = text(raw.value).normalize('NFKC').toLowerCase();
    if (word === '') return null;
    if (yesWords.has(word)) return true;
    if (noWords.has(word)) return false;
    this.fail('E-FIRM-VALUE', raw.place, say.notYesNo({ value: text(raw.value) }), say.yesNoHint());
    return null;
  }
}

/** A record left out for its errors, with what could be read of it (for the manifest). */
export interface RejectedRow {
  label: string;
  /** As `RawRecord.number`: what keys the row in the manifest when it has no usable id. */
  number: number;
  /** The firm's id when it is a usable one (not missing, not malformed, not a duplicate). */
  id: string | null;
  name: string | null;
  contact: string | null;
  email: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Checks and converts every record. Returns the good firms (in file order), the records left out
 * and a diagnostic for every problem.
 */
export function normaliseRecords(
  file: string,
  records: readonly RawRecord[],
  vocabularies: FirmVocabularies,
): { rows: FirmRow[]; rejected: RejectedRow[]; diagnostics: Diagnostic[] } {
  const rows: FirmRow[] = [];
  const rejected: RejectedRow[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = new Map<string, RawRecord>();
  for (const record of records) {
    if (record.problem) {
      diagnostics.push(record.problem);
      const none = { id: null, name: null, contact: null, email: null };
      rejected.push({ label: record.label, number: record.number, ...none, diagnostics: [record.problem] });
      continue;
    }
    const read = new RecordReader(file, record);
    for (const raw of Object.values(record.values)) if (raw.problem) read.errors.push(raw.problem);
    const id = read.required('id');
    const idPlace = record.values.id?.place ?? record.place;
    let usableId = false;
    if (id !== null) {
      const first = ids.get(firmIdKey(id));
      if (!idPattern.test(id) || isWindowsReservedName(id)) {
        read.fail('E-FIRM-ID', idPlace, say.badId({ id }), say.badIdHint());
      } else if (first !== undefined) {
        const firstPlace = first.values.id?.place ?? first.place;
        read.errors.push(
          diagnostic(
            'E-FIRM-ID-DUPLICATE',
            place.at({ place: idPlace.label, problem: say.duplicateId({ id, first: first.label }) }),
            {
              file,
              ...(idPlace.range ? { range: idPlace.range } : {}),
              hint: say.duplicateIdHint(),
              related: [
                {
                  file,
                  ...(firstPlace.range ? { range: firstPlace.range } : {}),
                  message: say.firstWithId(),
                },
              ],
            },
          ),
        );
      } else {
        ids.set(firmIdKey(id), record);
        usableId = true;
      }
    }
    const name = read.required('name');
    const email = read.text('email');
    if (email && !isEmailAddress(email.value)) {
      read.fail('E-FIRM-EMAIL', email.place, say.badEmail({ email: email.value }), say.emailHint());
    }
    const firm: Firm = {
      id: id ?? '',
      name: name ?? '',
      contact: read.text('contact')?.value ?? null,
      honorific: read.text('honorific')?.value ?? null,
      email: email?.value ?? null,
      city: read.text('city')?.value ?? null,
      industries: read.codes('industry', vocabularies.industries, say.industry()),
      size: read.size(),
      exporter: read.exporter(),
      needs: read.codes('needs', vocabularies.needs, say.need()),
    };
    diagnostics.push(...read.errors);
    if (read.errors.length > 0) {
      rejected.push({
        label: record.label,
        number: record.number,
        id: usableId ? id : null,
        name,
        contact: firm.contact,
        email: email?.value ?? null,
        diagnostics: read.errors,
      });
      continue;
    }
    const cells: FirmRow['cells'] = {};
    for (const [field, raw] of Object.entries(record.values)) cells[field as FirmField] = raw.place;
    rows.push({ firm, label: record.label, number: record.number, place: record.place, cells });
  }
  return { rows, rejected, diagnostics };
}
