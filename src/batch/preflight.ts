/**
 * What a batch run checks before it builds anything, besides the measures (the pipeline's
 * `checkSourceGlyphs`): the firm list read, every firm's own text drawable, which firms this run
 * builds (`--only`, `--shard`), and the run's firms in list order with the reason a row cannot be used.
 */

import type { Edition } from '../catalogue/types.js';
import { describeCodePoint } from '../diagnostics/code-point.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import path from 'node:path';
import { readFirmList, type FirmList } from '../firms/read.js';
import { readFileBytes } from '../io/batch-output.js';
import { firmIdKey, type RejectedRow } from '../firms/records.js';
import { emptyFirm, firmFieldLabels, type Firm, type FirmField, type FirmRow } from '../firms/types.js';
import { UsageError } from '../errors.js';
import { batchMessages, batchOptionMessages } from '../messages/batch.js';
import { missingCodePoints, type PdfFonts } from '../writers/pdf/index.js';
import { glyphMessages } from '../messages/fonts.js';
import { closestMatch } from '../schema/did-you-mean.js';
import { shardOf, type Shard } from './shard.js';
import { reasonOf, type BatchFirm } from './run.js';

/**
 * Reads the run's firm list (`--firms`, relative to `cwd`); a list that cannot be read at all is
 * an E-FIRMS-FILE diagnostic in the result, as a list that cannot be parsed is.
 */
export async function readRunFirmList(
  given: string,
  place: { cwd: string; root: string; edition: Edition; sheet: string | undefined },
): Promise<{ firmsFile: string; list: FirmList }> {
  const firmsPath = path.resolve(place.cwd, given);
  const firmsFile = path.relative(place.root, firmsPath).split(path.sep).join('/') || given;
  const read = readFileBytes(firmsPath);
  if ('error' in read) {
    const problem = diagnostic('E-FIRMS-FILE', batchMessages.listUnreadable({ error: read.error }), {
      file: firmsFile,
      hint: read.error === 'ENOENT' ? batchMessages.checkFirmsPath() : batchMessages.checkFileOpens(),
    });
    return { firmsFile, list: { format: 'csv', rows: [], rejected: [], diagnostics: [problem] } };
  }
  if (place.sheet !== undefined && !/\.xls[xm]$/i.test(firmsPath)) {
    throw new UsageError(batchOptionMessages.sheetNotWorkbook());
  }
  const list = await readFirmList(firmsFile, read.bytes, {
    vocabularies: place.edition.vocabularies,
    ...(place.sheet !== undefined ? { sheet: place.sheet } : {}),
  });
  return { firmsFile, list };
}

/** Text fields of a firm that reach its guide, each checked against the font. */
const drawnFields: readonly (keyof Firm & FirmField)[] = ['id', 'name', 'contact', 'email', 'city'];

/** Firms whose name, contact or city hold a character no font of the theme can draw: reported at the cell. */
export function firmGlyphProblems(rows: readonly FirmRow[], file: string, fonts: PdfFonts): Map<FirmRow, Diagnostic[]> {
  const problems = new Map<FirmRow, Diagnostic[]>();
  for (const row of rows) {
    for (const field of drawnFields) {
      const value = row.firm[field];
      if (typeof value !== 'string') continue;
      for (const codePoint of missingCodePoints(fonts, value)) {
        const place = row.cells[field] ?? row.place;
        const list = problems.get(row) ?? [];
        problems.set(row, list);
        list.push(
          diagnostic(
            'E-GLYPH-MISSING',
            glyphMessages.inFirm({
              place: place.label,
              field: firmFieldLabels[field],
              character: describeCodePoint(codePoint),
            }),
            {
              file,
              ...(place.range ? { range: place.range } : {}),
              hint: glyphMessages.hint(),
            },
          ),
        );
      }
    }
  }
  return problems;
}

/** `--only a,b`: the ids' keys; a usage error names an id the list does not have. */
export function selectOnly(value: string, rows: readonly FirmRow[], rejected: readonly RejectedRow[]): Set<string> {
  const known = [...rows.map((row) => row.firm.id), ...rejected.flatMap((r) => (r.id === null ? [] : [r.id]))];
  return selectIds(value, known, '--only');
}

/**
 * A list of firm ids given to `option` (`--only`, `guide mail --resend`): their keys, each one of
 * `known`; a usage error names an id that is not (with the closest, when there is one).
 */
export function selectIds(value: string, known: readonly string[], option: string): Set<string> {
  const wanted = value
    .split(/[,，;；\s]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const keys = new Set(known.map(firmIdKey));
  const missingIds = wanted.filter((id) => !keys.has(firmIdKey(id)));
  if (wanted.length === 0 || missingIds.length > 0) {
    const near = missingIds.length === 1 ? closestMatch(missingIds[0]!, known) : undefined;
    const ids = missingIds.map((id) => `"${id}"`).join(', ');
    throw new UsageError(
      wanted.length === 0
        ? batchOptionMessages.onlyEmpty({ option })
        : near !== undefined
          ? batchOptionMessages.onlyUnknownNear({ option, ids, near })
          : batchOptionMessages.onlyUnknown({ option, ids }),
    );
  }
  return new Set(wanted.map(firmIdKey));
}

/**
 * Every firm of the list in file order: those in this run (`only`, `shard`) marked selected, and
 * rows that cannot be used (rejected, or text the font lacks) with the reason. A rejected row
 * without a usable id carries its row number instead, which keys its manifest entry.
 */
export function batchFirms(
  list: FirmList,
  glyphs: ReadonlyMap<FirmRow, Diagnostic[]>,
  filter: { only?: ReadonlySet<string>; shard?: Shard },
): BatchFirm[] {
  const { only, shard } = filter;
  const inRun = (firm: Firm) =>
    (only === undefined || only.has(firmIdKey(firm.id))) &&
    (shard === undefined || shardOf(firm, shard.count) === shard.index);
  const rowsInOrder = [
    ...list.rows.map((row) => ({ number: row.number, row })),
    ...list.rejected.map((rejected) => ({ number: rejected.number, rejected })),
  ].sort((a, b) => a.number - b.number);
  const firms: BatchFirm[] = [];
  for (const item of rowsInOrder) {
    if ('row' in item) {
      const problems = glyphs.get(item.row);
      firms.push({
        firm: item.row.firm,
        selected: inRun(item.row.firm),
        ...(problems ? { invalid: reasonOf(problems) } : {}),
      });
    } else {
      const { id, name, contact, email, number } = item.rejected;
      const invalid = reasonOf(item.rejected.diagnostics);
      if (id !== null) {
        const firm: Firm = { ...emptyFirm, id, name: name ?? '', contact, email };
        firms.push({ firm, selected: inRun(firm), invalid });
      } else {
        // No id to key it by (missing, malformed or taken): recorded by its row, in every run.
        const firm: Firm = { ...emptyFirm, id: '', name: name ?? '', contact, email };
        firms.push({ firm, selected: true, invalid, row: number });
      }
    }
  }
  return firms;
}
