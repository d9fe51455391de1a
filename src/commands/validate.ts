/** `guide validate`: every problem in every file, in one run. */

import path from 'node:path';
import { validateCatalogue } from '../catalogue/validate.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { loadEdition } from '../io/edition.js';
import { commandCache } from '../io/build-cache.js';
import { checkEditionGlyphs } from '../pipeline/glyph-check.js';
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
  // so the next run (validate or build) parses only the files edited since.
  const store = commandCache(io.cwd, options.config, options.cache);
  const loaded = await loadEdition(io.cwd, options.config, store ? { store } : {});
  const diagnostics = validateCatalogue(loaded, {
    ...(options.asOf ? { asOf: options.asOf } : {}),
    ...(options.expiringWithin !== undefined ? { expiringWithinDays: options.expiringWithin } : {}),
  });
  let sources: ReadonlyMap<string, string> = loaded.sources;
  if (loaded.catalogue) {
    // A character no font of the theme has would stop build; found here at its place.
    const glyphs = await checkEditionGlyphs(loaded.root, loaded, loaded.catalogue, store);
    diagnostics.push(...glyphs.diagnostics);
    sources = new Map([...loaded.sources, ...glyphs.sources]);
    // Only here, not in build: the check loads OpenCC's character table.
    const { simplifiedTextDiagnostics } = await import('../convert/script-check.js');
    const script = simplifiedTextDiagnostics(loaded.texts, loaded.sources);
    diagnostics.push(...script);
    if (script.length > 0 || glyphs.diagnostics.length > 0) {
      diagnostics.sort(
        (a, b) =>
          ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0) ||
          (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0),
      );
    }
  }
  report.diagnostics(diagnostics, sources, { format: options.format, root: loaded.root });
  if (options.format === 'text' && loaded.catalogue) {
    const measureFiles = loaded.sources.size - 1;
    // Named from where the user stands: ../../guide.yaml when run from policies/tax.
    const config = path.relative(
      io.cwd,
      path.join(loaded.root, options.config ? path.basename(options.config) : 'guide.yaml'),
    );
    report.info(say.checked({ config, n: measureFiles }));
  }
  await store?.flush();
  const failed = hasErrors(diagnostics) || (options.strict === true && diagnostics.length > 0);
  return failed ? ExitCode.invalidInput : ExitCode.ok;
}
