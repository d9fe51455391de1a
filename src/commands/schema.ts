/** `guide schema`: JSON Schema for editors (yaml-language-server reads the `$schema` comment). */

import path from 'node:path';
import { exportJsonSchema } from '../catalogue/schema.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { commandMessages as say } from '../messages/cli.js';

export function schemaText(which: 'guide' | 'measure'): string {
  return `${JSON.stringify(exportJsonSchema(which), null, 2)}\n`;
}

export async function schemaCommand(io: CliIo, which: 'guide' | 'measure', options: { out?: string }): Promise<number> {
  const report = createReporter(io);
  if (options.out === undefined) {
    report.out(schemaText(which));
    return ExitCode.ok;
  }
  for (const name of ['guide', 'measure'] as const) {
    const target = path.resolve(io.cwd, options.out, `${name}.schema.json`);
    const shown = path.relative(io.cwd, target);
    await writeFileAtomic(target, schemaText(name), { shownAs: shown });
    report.info(say.wrote({ file: shown }));
  }
  return ExitCode.ok;
}
