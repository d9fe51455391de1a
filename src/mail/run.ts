/**
 * A mailing run over a batch manifest: check every firm before anything is sent, then compose
 * and hand over one message per firm, a few at a time and no faster than the rate, writing the
 * journal before and after each hand-over; or, for a dry run, write each message as an .eml file.
 * Holds the manifest folder's lock (the one `guide batch` takes) for the whole run.
 */

import path from 'node:path';
import type { Edition, EditionMail } from '../catalogue/types.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { GuideInputError } from '../errors.js';
import type { BatchManifest } from '../batch/manifest.js';
import type { Shard } from '../batch/shard.js';
import { fileDigest, lockOutputFolder, readFileBytes, readTextIfPresent } from '../io/batch-output.js';
import { openJournal, type JournalWriter } from '../io/mail-journal.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { safeFileName } from '../io/file-names.js';
import { sha256Hex } from '../hash.js';
import { editionNaming } from '../template/view.js';
import type { OutputFormat } from '../writers/formats.js';
import { parseMailbox } from './address.js';
import { composeMessage, messageIdFor } from './compose.js';
import { journalFileName, journalStates, parseJournal } from './journal.js';
import type { CompiledLetter, MailView } from './letter.js';
import { planMessages, type MailPlan, type PlannedMessage } from './plan.js';
import type { MailTransport } from './transport.js';
import { mailMessages as say } from '../messages/mail.js';

/** How a run retries a message that failed for now: attempts in all, and the first wait (doubled each time). */
export interface RetryPolicy {
  attempts: number;
  delayMs: number;
}

/** The default: five attempts, waiting 2, 4, 8 and 16 seconds between them. */
export const defaultRetry: RetryPolicy = { attempts: 5, delayMs: 2000 };

/** What a run needs, resolved: the edition, the manifest, the letter, the options. */
export interface MailRunOptions {
  edition: Edition;
  mail: EditionMail;
  manifest: BatchManifest;
  /** The manifest's absolute path; the journal and the files are beside it. */
  manifestFile: string;
  /** The manifest's path as messages show it. */
  shownManifest: string;
  letter: CompiledLetter;
  formats: readonly OutputFormat[];
  only?: ReadonlySet<string>;
  shard?: Shard;
  resend?: ReadonlySet<string>;
  /** `--to`: every message to this address, marked in the subject; no journal. */
  testAddress?: string;
  /** `--dry-run`: the folder the .eml files go to; nothing is sent. */
  dryRunDir?: string;
  /** How messages reach the server (not needed for a dry run), and the server as messages name it. */
  connect?: () => MailTransport;
  serverName?: string;
  /** At most this many messages a minute. */
  ratePerMinute: number;
  /** Messages handed over at once (the transport's connections). */
  concurrency: number;
  retry: RetryPolicy;
  /** The time messages and journal entries carry. */
  now: () => Date;
  /** Told once the plan is made, before anything is sent. */
  onPlan?: (plan: MailPlan, warnings: readonly Diagnostic[], manifest: string) => void;
  /** Told as each message is done with. */
  onMessage?: (message: PlannedMessage, outcome: MessageOutcome) => void;
}

/** What became of one firm's message. */
export type MessageOutcome =
  | { kind: 'sent'; messageId: string; response: string; attempts: number }
  | { kind: 'written'; messageId: string; file: string }
  | { kind: 'failed'; messageId: string; diagnostic: Diagnostic };

/** What a run did. */
export interface MailRunResult {
  /** Messages the server accepted (or, in a dry run, wrote). */
  sent: { id: string; to: string; messageId: string; response?: string; file?: string }[];
  alreadySent: string[];
  inDoubt: { id: string; messageId: string; time: string }[];
  /** Firms not sent: refused, undelivered, or unsendable (address, files). */
  failed: { id: string; name: string; code: string; reason: string }[];
  /** Every problem, per firm, with its code (W-MAIL-IN-DOUBT, W-MAIL-SIZE, E-MAIL-…). */
  diagnostics: Diagnostic[];
  /** The journal's path (none for a test run or a dry run). */
  journal?: string;
  dryRun: boolean;
}

/** 【測試】 before a test message's subject, in the edition's script. */
export function testMark(locale: string): string {
  if (/^zh-(Hans|CN|SG)/i.test(locale)) return '【测试】';
  return locale.startsWith('zh') ? '【測試】' : '[TEST]';
}

/** Waits so that no more than `perMinute` messages start in any minute, across all workers. */
function rateLimiter(perMinute: number): () => Promise<void> {
  const interval = 60_000 / perMinute;
  let next = 0;
  return async () => {
    const now = performance.now();
    const at = Math.max(now, next);
    next = at + interval;
    if (at > now) await sleep(at - now);
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs the mailing; the lock is held throughout. */
export async function runMail(options: MailRunOptions): Promise<MailRunResult> {
  const dir = path.dirname(options.manifestFile);
  const unlock = await lockOutputFolder(dir, 'mail');
  try {
    return await runLocked(options, dir);
  } finally {
    await unlock();
  }
}

async function runLocked(options: MailRunOptions, dir: string): Promise<MailRunResult> {
  const test = options.testAddress !== undefined;
  const journalFile = path.join(dir, journalFileName);
  const entries = test ? [] : parseJournal((await readTextIfPresent(journalFile)) ?? '');
  const plan = planMessages({
    manifest: options.manifest,
    manifestFile: options.shownManifest,
    formats: options.formats,
    ...(options.only ? { only: options.only } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.resend ? { resend: options.resend } : {}),
    test,
    journal: journalStates(entries),
  });
  const file = options.shownManifest;
  const diagnostics: Diagnostic[] = [];
  const failed: MailRunResult['failed'] = [];
  const fail = (message: PlannedMessage | PlannedMessage['firm'], d: Diagnostic) => {
    const firm = 'firm' in message ? message.firm : message;
    diagnostics.push(d);
    failed.push({ id: firm.id, name: firm.name, code: d.code, reason: d.message });
  };
  for (const { firm, diagnostic: d } of plan.problems) fail(firm, d);
  for (const doubt of plan.inDoubt) {
    const named = { id: doubt.firm.id, name: doubt.firm.name };
    diagnostics.push(
      diagnostic('W-MAIL-IN-DOUBT', say.inDoubt({ ...named, time: doubt.time, messageId: doubt.messageId }), {
        file,
        hint: say.inDoubtHint({ id: doubt.firm.id }),
      }),
    );
  }

  // Every file checked against the manifest before anything is sent.
  const ready: PlannedMessage[] = [];
  const limit = options.mail.max_attachment_mb * 1024 * 1024;
  for (const message of plan.send) {
    const problem = await fileProblem(dir, message);
    if (problem !== undefined) {
      fail(
        message,
        diagnostic('E-MAIL-FILE', problem, { file, hint: say.fileHint({ formats: options.formats.join(',') }) }),
      );
      continue;
    }
    const bytes = message.files.reduce((sum, f) => sum + f.bytes, 0);
    if (bytes > limit) {
      const size = (bytes / 1024 / 1024).toFixed(1);
      diagnostics.push(
        diagnostic(
          'W-MAIL-SIZE',
          say.tooLarge({ id: message.firm.id, name: message.firm.name, size, limit: options.mail.max_attachment_mb }),
          { file, hint: say.tooLargeHint() },
        ),
      );
    }
    ready.push(message);
  }
  // Every letter rendered before anything is sent: a template mistake stops the run, not one firm.
  const letters = new Map(ready.map((message) => [message, options.letter.render(mailView(options, message))]));
  const broken = [...letters.values()].flatMap((rendered) => rendered.diagnostics);
  if (broken.length > 0) throw new GuideInputError(broken);

  options.onPlan?.({ ...plan, send: ready }, diagnostics, options.shownManifest);
  const result: MailRunResult = {
    sent: [],
    alreadySent: plan.alreadySent.map((firm) => firm.id),
    inDoubt: plan.inDoubt.map((d) => ({ id: d.firm.id, messageId: d.messageId, time: d.time })),
    failed,
    diagnostics,
    ...(test || options.dryRunDir !== undefined ? {} : { journal: journalFile }),
    dryRun: options.dryRunDir !== undefined,
  };

  const from = parseMailbox(options.mail.from)!;
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1);
  const compose = async (message: PlannedMessage) => {
    const letter = letters.get(message)!.letter!;
    const messageId = messageIdFor({
      firmId: message.firm.id,
      filesKey: message.filesKey,
      edition: options.manifest.edition.edition,
      sentBefore: message.sentBefore,
      domain,
      ...(test ? { testAddress: options.testAddress! } : {}),
    });
    const attachments = [];
    for (const listed of message.files) {
      const read = readFileBytes(path.join(dir, listed.path));
      // Checked above; a file replaced since is not sent in its new form.
      if ('error' in read || sha256Hex(read.bytes) !== listed.sha256) return { messageId };
      attachments.push({ filename: path.posix.basename(listed.path), format: listed.format, content: read.bytes });
    }
    const raw = await composeMessage({
      from,
      ...(options.mail.reply_to !== undefined ? { replyTo: options.mail.reply_to } : {}),
      to: test ? options.testAddress! : message.to,
      subject: test ? `${testMark(options.edition.locale)} ${letter.subject}` : letter.subject,
      text: letter.text,
      html: letter.html,
      messageId,
      date: options.now(),
      attachments,
    });
    return { messageId, raw };
  };
  const changedFile = (message: PlannedMessage, messageId: string): MessageOutcome => {
    const d = diagnostic(
      'E-MAIL-FILE',
      say.fileChanged({ id: message.firm.id, name: message.firm.name, file: message.files[0]!.path }),
      { file },
    );
    fail(message, d);
    return { kind: 'failed', messageId, diagnostic: d };
  };

  if (options.dryRunDir !== undefined) {
    for (const message of ready) {
      const { messageId, raw } = await compose(message);
      let outcome: MessageOutcome;
      if (raw === undefined) outcome = changedFile(message, messageId);
      else {
        const target = path.join(options.dryRunDir, `${safeFileName(message.firm.id, 'firm')}.eml`);
        await writeFileAtomic(target, raw);
        result.sent.push({ id: message.firm.id, to: message.to, messageId, file: target });
        outcome = { kind: 'written', messageId, file: target };
      }
      options.onMessage?.(message, outcome);
    }
    return result;
  }

  if (ready.length === 0) return result;
  const transport = options.connect!();
  const journal: JournalWriter | undefined = test ? undefined : await openJournal(journalFile);
  const time = () => options.now().toISOString();
  const waitTurn = rateLimiter(options.ratePerMinute);
  let stopped: Diagnostic | undefined;
  const queue = [...ready];

  const deliver = async (message: PlannedMessage): Promise<MessageOutcome> => {
    const { messageId, raw } = await compose(message);
    if (raw === undefined) return changedFile(message, messageId);
    const firm = message.firm.id;
    const named = { id: firm, name: message.firm.name };
    const to = test ? options.testAddress! : message.to;
    for (let attempt = 1; ; attempt++) {
      await waitTurn();
      await journal?.append({
        event: 'sending',
        time: time(),
        firm,
        to,
        messageId,
        files: message.files.map((f) => ({ path: f.path, sha256: f.sha256 })),
      });
      const handed = () => journal?.append({ event: 'handed', time: time(), firm, messageId }) ?? Promise.resolve();
      const outcome = await transport.send({ from: from.address, to }, raw, handed);
      if (outcome.kind === 'sent') {
        await journal?.append({ event: 'sent', time: time(), firm, messageId, response: outcome.response });
        return { kind: 'sent', messageId, response: outcome.response, attempts: attempt };
      }
      if (outcome.kind === 'temporary' && attempt < options.retry.attempts && stopped === undefined) {
        const delayMs = options.retry.delayMs * 2 ** (attempt - 1);
        await journal?.append({ event: 'retry', time: time(), firm, messageId, error: outcome.error, delayMs });
        await sleep(delayMs);
        continue;
      }
      await journal?.append({ event: 'failed', time: time(), firm, messageId, error: outcome.error });
      const d =
        outcome.kind === 'permanent'
          ? diagnostic('E-MAIL-REJECTED', say.rejected({ ...named, reply: outcome.error }), {
              file,
              hint: say.rejectedHint(),
            })
          : outcome.kind === 'fatal'
            ? diagnostic(
                'E-MAIL-UNDELIVERED',
                say.serverUnusable({ server: options.serverName ?? 'SMTP', reason: outcome.error }),
                { hint: outcome.certificate ? say.certificateHint() : say.serverUnusableHint() },
              )
            : diagnostic('E-MAIL-UNDELIVERED', say.undelivered({ ...named, n: attempt, reason: outcome.error }), {
                file,
                hint: say.undeliveredHint(),
              });
      if (outcome.kind !== 'fatal') fail(message, d);
      else {
        // The server cannot take any message: said once, whichever connection finds it first.
        if (stopped === undefined) diagnostics.push(d);
        stopped ??= d;
        failed.push({ id: firm, name: message.firm.name, code: d.code, reason: d.message });
      }
      return { kind: 'failed', messageId, diagnostic: d };
    }
  };

  const worker = async () => {
    for (let message = queue.shift(); message !== undefined && stopped === undefined; message = queue.shift()) {
      const outcome = await deliver(message);
      if (outcome.kind === 'sent')
        result.sent.push({
          id: message.firm.id,
          to: test ? options.testAddress! : message.to,
          messageId: outcome.messageId,
          response: outcome.response,
        });
      options.onMessage?.(message, outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, worker));
  } finally {
    transport.close();
    await journal?.close();
  }
  return result;
}

/** What a firm's message's templates see. */
function mailView(options: MailRunOptions, message: PlannedMessage): MailView {
  const { edition } = options;
  const hotline = edition.hotlines[0];
  return {
    firm: { id: message.firm.id, name: message.firm.name, contact: message.firm.contact },
    edition: editionNaming(edition),
    office: options.mail.office ?? edition.publisher,
    measures: message.firm.measures.length,
    hotline: hotline ? { name: hotline.name, phone: hotline.phone } : null,
    files: message.files.map((f) => ({ name: path.posix.basename(f.path), format: f.format })),
    letterDate: options.manifest.letterDate,
  };
}

/** Why a planned message's files are not those the manifest lists, or undefined when they are. */
async function fileProblem(dir: string, message: PlannedMessage): Promise<string | undefined> {
  const named = { id: message.firm.id, name: message.firm.name };
  for (const listed of message.files) {
    const digest = await fileDigest(path.join(dir, listed.path));
    if (digest === undefined) return say.fileMissing({ ...named, file: listed.path });
    if (digest.sha256 !== listed.sha256 || digest.bytes !== listed.bytes)
      return say.fileChanged({ ...named, file: listed.path });
  }
  return undefined;
}
