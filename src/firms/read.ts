/**
 * Reads a firm list: CSV (UTF-8 with or without BOM, GB18030, UTF-16), XLSX or YAML, by the file's
 * extension (or its first bytes). Pure: the caller reads the bytes.
 */

import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firmListMessages as say } from '../messages/firms.js';
import { parseCsv } from './csv.js';
import { decodeFirmText, type TextEncoding } from './decode.js';
import { normaliseRecords, type FirmVocabularies, type RawRecord, type RejectedRow } from './records.js';
import { tableRecords } from './table.js';
import type { FirmRow } from './types.js';
import { readXlsxRows } from './xlsx.js';
import { yamlRecords } from './yaml-list.js';

/** The kinds of firm list guide reads. */
export type FirmListFormat = 'csv' | 'xlsx' | 'yaml';

/** The good firms of a list, every problem found, and the text the diagnostics point into. */
export interface FirmList {
  format: FirmListFormat;
  rows: FirmRow[];
  /** Records left out for their errors. */
  rejected: RejectedRow[];
  diagnostics: Diagnostic[];
  /** Decoded text (CSV, YAML), for code frames; absent for XLSX. */
  text?: string;
  /** How a CSV file was decoded. */
  encoding?: TextEncoding;
}

/** The format of a firm list by its name, or by its first bytes (a zip is a workbook). */
function firmListFormat(file: string, bytes: Uint8Array): FirmListFormat | 'xls' {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') return 'xlsx';
  if (extension === '.xls') return 'xls';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'csv';
}

/**
 * Reads `bytes` (the file `file`, as diagnostics name it). `sheet` picks a worksheet of a
 * workbook by name (default: the first).
 */
export async function readFirmList(
  file: string,
  bytes: Uint8Array,
  options: { sheet?: string; vocabularies: FirmVocabularies },
): Promise<FirmList> {
  const format = firmListFormat(file, bytes);
  if (format === 'xls') {
    return {
      format: 'xlsx',
      rows: [],
      rejected: [],
      diagnostics: [diagnostic('E-FIRMS-FILE', say.oldXls(), { file, hint: say.oldXlsHint() })],
    };
  }
  let records: RawRecord[];
  const diagnostics: Diagnostic[] = [];
  let text: string | undefined;
  let encoding: TextEncoding | undefined;
  if (format === 'xlsx') {
    const read = await readXlsxRows(bytes, options.sheet);
    if ('error' in read) {
      return {
        format,
        rows: [],
        rejected: [],
        diagnostics: [diagnostic('E-FIRMS-FILE', read.error, { file, hint: read.hint })],
      };
    }
    ({ records } = collect(tableRecords(file, read.rows), diagnostics));
  } else {
    const decoded = decodeFirmText(bytes);
    text = decoded.text;
    encoding = decoded.encoding;
    const found = format === 'csv' ? tableRecords(file, parseCsv(text)) : yamlRecords(file, text);
    ({ records } = collect(found, diagnostics));
  }
  const normalised = normaliseRecords(file, records, options.vocabularies);
  diagnostics.push(...normalised.diagnostics);
  if (records.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('E-FIRMS-FILE', say.noFirms(), { file, hint: say.noFirmsHint() }));
  }
  return {
    format,
    rows: normalised.rows,
    rejected: normalised.rejected,
    diagnostics,
    ...(text !== undefined ? { text } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
  };
}

function collect<T extends { diagnostics: Diagnostic[] }>(result: T, into: Diagnostic[]): T {
  into.push(...result.diagnostics);
  return result;
}
