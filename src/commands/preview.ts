/**
 * `guide preview`: serves the guide as an HTML page on 127.0.0.1, rebuilds it when a source file
 * changes, and reloads the page; problems show in the page and in the terminal until fixed.
 */

import { UsageError } from '../errors.js';
import { buildInstant } from '../io/clock.js';
import { watchFiles } from '../io/watch-files.js';
import { previewMessages as say } from '../messages/preview.js';
import { startPreviewServer } from '../preview/server.js';
import { PreviewSession, type PreviewState } from '../preview/session.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';

export interface PreviewCommandOptions {
  config?: string;
  port?: string;
  asOf?: string;
  firm?: string;
  firms?: string;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(say.badPort({ value }));
  return Number(value);
}

export async function previewCommand(io: CliIo, options: PreviewCommandOptions): Promise<number> {
  const port = parsePort(options.port);
  if ((options.firm === undefined) !== (options.firms === undefined)) throw new UsageError(say.firmWithoutList());
  const report = createReporter(io);
  const pinnedDate = buildInstant(io.env);
  const session = new PreviewSession({
    cwd: io.cwd,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.firm !== undefined && options.firms !== undefined
      ? { firm: { id: options.firm, firms: options.firms } }
      : {}),
    ...(pinnedDate ? { pinnedDate } : {}),
  });

  const show = (state: PreviewState) => {
    if (state.diagnostics.length === 0) return;
    report.diagnostics(state.diagnostics, state.sources, { format: 'text', root: state.root ?? io.cwd });
    if (state.diagnostics.some((d) => d.severity === 'error') && state.html !== undefined)
      report.info(say.stillBroken());
  };
  let state = await session.rebuild();
  show(state);

  let server;
  try {
    server = await startPreviewServer(
      {
        state: () => state,
        file: (format) => session.file(format),
        failed: (error) => report.info(say.fileFailed({ problem: problemOf(error) })),
      },
      port,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(say.portTaken({ port }));
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') throw new UsageError(say.portRefused({ port, reason: code }));
    throw error;
  }
  const live = server;

  // One rebuild at a time; a change during a rebuild asks for one more after it.
  let running: Promise<void> | undefined;
  let again = false;
  let stopping = false;
  const rebuild = async () => {
    const started = performance.now();
    try {
      state = await session.rebuild();
    } catch (error) {
      // A rebuild that fails unexpectedly must not end the preview: the page keeps what it shows.
      report.info(say.rebuildFailed({ problem: problemOf(error) }));
      return;
    }
    watch.set(state.watched);
    live.reload();
    show(state);
    report.info(say.rebuilt({ ms: Math.round(performance.now() - started) }));
  };
  const changed = () => {
    if (stopping) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await rebuild();
      } while (again && !stopping);
    })().finally(() => (running = undefined));
  };
  const watch = watchFiles(changed);
  watch.set(state.watched);

  report.out(say.serving({ url: server.url }));
  await new Promise<void>((resolve) => {
    const unsubscribe = io.onStop?.(() => {
      unsubscribe?.();
      resolve();
    });
  });
  stopping = true;
  watch.close();
  await running;
  await server.close();
  report.info(say.stopped());
  return ExitCode.ok;
}

/** An unexpected error in one line, for the terminal. */
function problemOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
