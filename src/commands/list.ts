/** `guide list`: the measures as an aligned table (CJK counted as two columns) or JSON. */

import { asOfDate, measureStatus, type MeasureStatus } from '../catalogue/select.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { displayWidth, padToWidth } from '../diagnostics/display-width.js';
import { loadEdition } from '../io/edition.js';
import { commandMessages as say } from '../messages/cli.js';

export interface ListCommandOptions {
  config?: string;
  category?: string;
  status?: MeasureStatus;
  asOf?: string;
  json?: boolean;
}

const statusLabels: Record<MeasureStatus, () => string> = {
  active: say.statusActive,
  expired: say.statusExpired,
  upcoming: say.statusUpcoming,
};

/** Cuts text to `width` columns, ending in "…" when cut. */
function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const char of text) {
    if (displayWidth(out + char) > width - 1) break;
    out += char;
  }
  return `${out}…`;
}

export async function listCommand(io: CliIo, options: ListCommandOptions): Promise<number> {
  const report = createReporter(io);
  const loaded = await loadEdition(io.cwd, options.config);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    report.diagnostics(errors, loaded.sources, { format: 'text', root: loaded.root });
    report.info(say.leftOut());
  }
  const catalogue = loaded.catalogue;
  if (!catalogue) return ExitCode.invalidInput;
  if (options.category !== undefined && !catalogue.edition.categories.some((c) => c.id === options.category)) {
    report.info(
      say.unknownCategory({
        category: options.category,
        list: catalogue.edition.categories.map((c) => c.id).join(', '),
      }),
    );
    return ExitCode.usage;
  }
  const asOf = asOfDate(catalogue.edition, options.asOf);
  const rows = catalogue.measures
    .map(({ file, measure }) => ({ file, measure, status: measureStatus(measure, asOf) }))
    .filter(
      (r) =>
        (options.category === undefined || r.measure.category === options.category) &&
        (options.status === undefined || r.status === options.status),
    );

  if (options.json) {
    report.out(
      JSON.stringify(
        rows.map(({ file, measure, status }) => ({
          id: measure.id,
          category: measure.category,
          title: measure.title,
          from: measure.effective.from,
          until: measure.effective.until ?? null,
          status,
          file,
        })),
        null,
        2,
      ),
    );
    return hasErrors(loaded.diagnostics) ? ExitCode.invalidInput : ExitCode.ok;
  }

  const table = [
    [say.headingId(), say.headingCategory(), say.headingTitle(), say.headingEffective(), say.headingStatus()],
    ...rows.map(({ measure, status }) => [
      measure.id,
      measure.category,
      measure.title,
      `${measure.effective.from} – ${measure.effective.until ?? say.openEnded()}`,
      statusLabels[status](),
    ]),
  ];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]!))));
  // Shrink the title column to fit the terminal; other columns are short and fixed.
  const terminal = io.stdout.isTTY ? (io.stdout.columns ?? 120) : Infinity;
  const others = widths.reduce((sum, w, i) => (i === 2 ? sum : sum + w), 0) + 2 * (widths.length - 1);
  widths[2] = Math.max(8, Math.min(widths[2]!, terminal - others));
  const lines = table.map((row, r) => {
    const cells = row.map((cell, i) => (i === 2 ? truncate(cell, widths[2]!) : cell));
    const line = cells.map((cell, i) => (i === cells.length - 1 ? cell : padToWidth(cell, widths[i]!))).join('  ');
    return r === 0 ? report.outStyle.bold(line) : line;
  });
  report.out(lines.join('\n'));
  report.info(say.listed({ shown: rows.length, total: catalogue.measures.length, date: asOf }));
  return hasErrors(loaded.diagnostics) ? ExitCode.invalidInput : ExitCode.ok;
}
