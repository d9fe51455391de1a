/** `guide new <category> <id>`: a measure skeleton, never over an existing file. */

import path from 'node:path';
import { measureIdProblem } from '../catalogue/schema.js';
import { measureSkeleton } from '../catalogue/skeleton.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { loadEdition } from '../io/edition.js';
import { somethingAt } from '../io/exists.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { today } from '../io/clock.js';
import { commandMessages as say } from '../messages/cli.js';
import { reportMessages } from '../messages/report.js';

export async function newMeasureCommand(
  io: CliIo,
  category: string,
  id: string,
  options: { config?: string },
): Promise<number> {
  const report = createReporter(io);
  const idProblem = measureIdProblem(id);
  if (idProblem !== undefined) {
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    report.info(`${say.badId({ id: shown, problem: idProblem })}\n  ${reportMessages.hint({ hint: say.badIdHint() })}`);
    return ExitCode.usage;
  }
  const loaded = await loadEdition(io.cwd, options.config);
  const edition = loaded.catalogue?.edition;
  if (!edition) {
    report.diagnostics(loaded.diagnostics, loaded.sources, { format: 'text', root: loaded.root });
    return ExitCode.invalidInput;
  }
  if (!edition.categories.some((c) => c.id === category)) {
    report.info(say.newUnknownCategory({ category, list: edition.categories.map((c) => c.id).join(', ') }));
    return ExitCode.usage;
  }
  const target = path.join(loaded.root, 'policies', category, `${id}.yaml`);
  const shown = path.relative(io.cwd, target);
  if (somethingAt(target)) {
    report.info(say.measureExists({ file: shown }));
    return ExitCode.outputFailed;
  }
  await writeFileAtomic(target, measureSkeleton(id, category, today(io.env)), { shownAs: shown });
  report.info(say.measureWritten({ file: shown }));
  return ExitCode.ok;
}
