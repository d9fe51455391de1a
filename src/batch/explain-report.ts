/** `guide batch --explain <id>`: one firm's choice of measures and why, or why its row cannot be used. */

import type { Catalogue } from '../catalogue/types.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { Reporter } from '../terminal/report.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../errors.js';
import { batchMessages, batchOptionMessages } from '../messages/batch.js';
import { explainMatch, formatExplanation } from '../firms/explain.js';
import { firmView } from '../firms/guide-view.js';
import { matchFirm } from '../firms/match.js';
import { firmIdKey, type RejectedRow } from '../firms/records.js';
import type { FirmRow } from '../firms/types.js';
import type { BuildRequest } from '../pipeline/request.js';
import { closestMatch } from '../schema/did-you-mean.js';

/** What `--explain` needs of the run. */
export interface ExplainContext {
  report: Reporter;
  json: boolean;
  catalogue: Catalogue;
  request: BuildRequest;
  rows: readonly FirmRow[];
  /** Rows whose text no font of the theme can draw, with the diagnostics. */
  glyphs: ReadonlyMap<FirmRow, Diagnostic[]>;
  rejected: readonly RejectedRow[];
  sources: ReadonlyMap<string, string>;
  root: string;
  firmsFile: string;
}

/** Prints the explanation; returns the exit code. */
export function explainFirm(id: string, context: ExplainContext): number {
  const { report, catalogue, rows, glyphs, rejected, sources, root } = context;
  const key = firmIdKey(id);
  const row = rows.find((r) => firmIdKey(r.firm.id) === key);
  const problems = row ? glyphs.get(row) : rejected.find((r) => r.id !== null && firmIdKey(r.id) === key)?.diagnostics;
  if (problems) {
    report.diagnostics(problems, sources, { format: 'text', root });
    report.info(batchMessages.rowUnusable({ id }));
    return ExitCode.invalidInput;
  }
  if (!row) {
    const near = closestMatch(
      id,
      rows.map((r) => r.firm.id),
    );
    const file = context.firmsFile;
    throw new UsageError(
      near !== undefined
        ? batchOptionMessages.explainUnknownNear({ id, file, near })
        : batchOptionMessages.explainUnknown({ id, file }),
    );
  }
  const match = matchFirm(catalogue, row.firm, context.request.asOf);
  const explanation = explainMatch(catalogue, match);
  if (context.json) {
    report.out(JSON.stringify(explanation, null, 2));
    return ExitCode.ok;
  }
  const profile = firmView(row.firm, catalogue.edition).profile;
  report.out(
    formatExplanation(explanation, profile, batchMessages.rowOfFile({ row: row.label, file: context.firmsFile })),
  );
  return ExitCode.ok;
}
