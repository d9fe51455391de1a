/** `guide new <category> <id>`: a measure skeleton, never over an existing file. */

import { access } from 'node:fs/promises';
import path from 'node:path';
import { measureSkeleton } from '../catalogue/skeleton.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CliIo } from '../cli/io.js';
import { createReporter } from '../cli/report.js';
import { loadEdition } from '../io/edition.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { today } from '../io/clock.js';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function newMeasureCommand(
  io: CliIo,
  category: string,
  id: string,
  options: { config?: string },
): Promise<number> {
  const report = createReporter(io);
  if (!kebabCase.test(id)) {
    report.info(`guide: id "${id}" must be kebab-case: lower-case letters, digits and hyphens, e.g. tax-rent-relief`);
    return ExitCode.usage;
  }
  const loaded = await loadEdition(io.cwd, options.config);
  const edition = loaded.catalogue?.edition;
  if (!edition) {
    report.diagnostics(loaded.diagnostics, loaded.sources, { format: 'text', root: loaded.root });
    return ExitCode.invalidInput;
  }
  if (!edition.categories.some((c) => c.id === category)) {
    report.info(
      `guide: category "${category}" is not in guide.yaml; use one of: ${edition.categories.map((c) => c.id).join(', ')}`,
    );
    return ExitCode.usage;
  }
  const target = path.join(loaded.root, 'policies', category, `${id}.yaml`);
  const shown = path.relative(io.cwd, target);
  const exists = await access(target).then(
    () => true,
    () => false,
  );
  if (exists) {
    report.info(`guide: ${shown} already exists; not overwriting it. Choose another id, or edit that file.`);
    return ExitCode.outputFailed;
  }
  await writeFileAtomic(target, measureSkeleton(id, category, today(io.env)));
  report.info(`wrote ${shown}: fill in every field, then run \`guide validate\``);
  return ExitCode.ok;
}
