/**
 * `guide mail`: send each firm of a batch manifest its guide, through SMTP, once. The run itself
 * is `sendGuides` (src/mail/); this prints the plan, the problems, a progress bar and the summary.
 */

import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { stopwatch } from '../io/batch-output.js';
import { buildInstant } from '../io/clock.js';
import { loadEdition } from '../io/edition.js';
import { Progress } from '../batch/progress.js';
import { sendGuides } from '../mail/send-guides.js';
import { defaultRetry, testMark } from '../mail/run.js';
import { UsageError } from '../errors.js';
import { parseFormats } from './options.js';
import { mailMessages as say, mailOptionMessages } from '../messages/mail.js';

/** Options of `guide mail`, as commander parses them. */
export interface MailCommandOptions {
  config?: string;
  manifest?: string;
  format?: string;
  smtp?: string;
  rate?: string;
  resend?: string;
  only?: string;
  shard?: string;
  to?: string;
  dryRun?: string;
  json?: boolean;
  /** Hidden: the first wait before a retry, in ms (tests make it short). */
  retryDelay?: string;
}

/** `--rate 30/min` or `--rate 30`: messages a minute, 1 to 600. */
export function parseRate(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const found = /^\s*(\d+)\s*(?:\/\s*min)?\s*$/i.exec(value);
  const rate = Number(found?.[1]);
  if (!found || rate < 1 || rate > 600) throw new UsageError(mailOptionMessages.rate({ value }));
  return rate;
}

const ids = (value: string | undefined) =>
  value === undefined ? undefined : value.split(/[,，;；\s]+/).filter(Boolean);

/** Runs `guide mail`; returns the exit code. */
export async function mailCommand(io: CliIo, options: MailCommandOptions): Promise<number> {
  const report = createReporter(io);
  const ratePerMinute = parseRate(options.rate);
  const formats = options.format === undefined ? undefined : parseFormats(options.format);
  const retryDelay = options.retryDelay === undefined ? undefined : Number(options.retryDelay);
  const smtp = options.smtp ?? io.env.GUIDE_SMTP_URL;
  const pinned = buildInstant(io.env);
  const loaded = await loadEdition(io.cwd, options.config);
  const sources = new Map(loaded.sources);
  const print = (list: readonly Diagnostic[]) =>
    list.length > 0 && report.diagnostics(list, sources, { format: 'text', root: io.cwd });

  let progress: Progress | undefined;
  const elapsed = stopwatch();
  const result = await sendGuides(loaded, {
    cwd: io.cwd,
    ...(options.manifest !== undefined ? { manifest: options.manifest } : {}),
    ...(formats ? { formats } : {}),
    ...(smtp !== undefined ? { smtp } : {}),
    ...(ratePerMinute !== undefined ? { ratePerMinute } : {}),
    ...(options.only !== undefined ? { only: ids(options.only)! } : {}),
    ...(options.resend !== undefined ? { resend: ids(options.resend)! } : {}),
    ...(options.shard !== undefined ? { shard: options.shard } : {}),
    ...(options.to !== undefined ? { to: options.to } : {}),
    ...(options.dryRun !== undefined ? { dryRun: options.dryRun } : {}),
    ...(retryDelay !== undefined && Number.isFinite(retryDelay)
      ? { retry: { ...defaultRetry, delayMs: retryDelay } }
      : {}),
    // SOURCE_DATE_EPOCH pins the Date header, so a dry run's bytes can be compared.
    ...(pinned ? { now: () => pinned } : {}),
    onPlan(plan, warnings, manifest) {
      print(warnings);
      report.info(
        say.plan({
          send: plan.send.length,
          sent: plan.alreadySent.length,
          doubt: plan.inDoubt.length,
          problems: warnings.filter((d) => d.severity === 'error').length,
          ok: plan.okFirms,
          manifest,
        }),
      );
      if (options.to !== undefined)
        report.info(say.testRun({ to: options.to, mark: testMark(loaded.catalogue?.edition.locale ?? '') }));
      if (plan.send.length > 0) progress = new Progress(io.stderr, plan.send.length, elapsed);
    },
    onMessage(message, outcome) {
      progress?.tick(outcome.kind === 'failed');
      if (outcome.kind === 'failed') {
        progress?.message(
          say.firmFailed({
            failed: report.style.error(say.failedWord()),
            id: message.firm.id,
            name: message.firm.name,
            reason: outcome.diagnostic.message,
          }),
        );
      }
    },
  });
  progress?.finish();

  // The problems found while sending, with their hints (those found before were printed with the plan).
  print(result.diagnostics.filter((d) => d.code === 'E-MAIL-REJECTED' || d.code === 'E-MAIL-UNDELIVERED'));
  const counts = {
    skipped: result.alreadySent.length,
    doubt: result.inDoubt.length,
    failed: result.failed.length,
  };
  report.info(
    result.dryRun
      ? say.dryRunSummary({ n: result.sent.length, dir: options.dryRun!, ...counts })
      : say.summary({
          sent: result.sent.length,
          ...counts,
          journal: result.journal !== undefined ? path.relative(io.cwd, result.journal) || result.journal : '-',
        }),
  );
  if (options.json === true) {
    const { diagnostics, ...summary } = result;
    const json = {
      ...summary,
      diagnostics: diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        message: d.message,
        ...(d.hint ? { hint: d.hint } : {}),
      })),
    };
    report.out(`${JSON.stringify(json, null, 2)}\n`);
  }
  return result.failed.length > 0 ? ExitCode.invalidInput : ExitCode.ok;
}
