/** `guide validate`: every problem in every file, in one run. */

import path from 'node:path';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { commandCache } from '../io/build-cache.js';
import { editionConfig } from '../io/edition-config.js';
import { checkAndKeep, checkKey, keptCheck } from '../pipeline/kept-check.js';
import type { EditionCheck } from '../pipeline/check-edition.js';
import { commandMessages as say } from '../messages/cli.js';

export interface ValidateCommandOptions {
  config?: string;
  strict?: boolean;
  format: 'text' | 'json';
  asOf?: string;
  expiringWithin?: number;
  /** `--cache DIR`; false for `--no-cache`. */
  cache?: string | false;
}

export async function validateCommand(io: CliIo, options: ValidateCommandOptions): Promise<number> {
  const report = createReporter(io);
  // Files that loaded cleanly (guide.yaml, the theme, the measures) are kept in the build cache,
  // so the next run (validate or build) parses only the files edited since; and the whole run is
  // kept, so the next one with nothing changed repeats its findings without checking again.
  const store = commandCache(io.cwd, options.config, options.cache);
  let check: EditionCheck;
  if (store) {
    const key = checkKey(editionConfig(io.cwd, options.config), options);
    check = keptCheck(store, key) ?? (await checkAndKeep(io.cwd, options, store, key));
  } else {
    const { checkEdition } = await import('../pipeline/check-edition.js');
    check = await checkEdition(io.cwd, options, undefined);
  }
  report.diagnostics(check.diagnostics, check.sources, { format: options.format, root: check.root });
  if (options.format === 'text' && check.measureFiles !== undefined) {
    // Named from where the user stands: ../../guide.yaml when run from policies/tax.
    const config = path.relative(
      io.cwd,
      path.join(check.root, options.config ? path.basename(options.config) : 'guide.yaml'),
    );
    report.info(say.checked({ config, n: check.measureFiles }));
  }
  await store?.flush();
  const failed = hasErrors(check.diagnostics) || (options.strict === true && check.diagnostics.length > 0);
  return failed ? ExitCode.invalidInput : ExitCode.ok;
}
