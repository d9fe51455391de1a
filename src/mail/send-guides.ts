/**
 * `guide mail` without the command line: from a loaded edition and options to a finished run.
 * Checks what the run needs (guide.yaml `mail:`, the mail templates, the manifest, the options,
 * the SMTP server) and throws `GuideInputError` or `UsageError` before anything is sent; then
 * runs. The command and the library (`sendGuides` in src/index.ts) both call this.
 */

import path from 'node:path';
import { hasErrors, diagnostic } from '../diagnostics/diagnostic.js';
import { GuideInputError, UsageError } from '../errors.js';
import type { LoadedEdition } from '../io/edition.js';
import { readMailTemplates } from '../io/resources.js';
import { readTextIfPresent } from '../io/batch-output.js';
import { selectIds } from '../batch/preflight.js';
import { parseShard } from '../batch/shard.js';
import { outputFormats, type OutputFormat } from '../writers/formats.js';
import { isEmailAddress } from './address.js';
import { compileLetter } from './letter.js';
import { parseManifest } from './plan.js';
import { defaultRetry, runMail, type MailRunOptions, type MailRunResult, type RetryPolicy } from './run.js';
import { parseSmtpUrl } from './smtp-url.js';
import { smtpTransport } from './transport.js';
import { mailMessages as say, mailOptionMessages } from '../messages/mail.js';
import { commandMessages } from '../messages/cli.js';

/** Messages a minute unless told otherwise: modest, as a mail server expects from a script. */
export const defaultRate = 30;
/** Connections to the server at most. */
export const maxConnections = 2;

/** Options of a mailing run. Paths are relative to `cwd` (default: the current folder). */
export interface SendGuidesOptions {
  /** guide batch's manifest.json (default: `<output dir>/firms/manifest.json` of the edition). */
  manifest?: string;
  cwd?: string;
  /** The files to attach (default PDF). */
  formats?: readonly OutputFormat[];
  /** Firm ids: only these. */
  only?: readonly string[];
  /** Part `i/n`, the parts `guide batch --shard` makes. */
  shard?: string;
  /** Firm ids to send again, whatever the journal says. */
  resend?: readonly string[];
  /** Send every message here instead, marked in the subject; no journal. */
  to?: string;
  /** Write each message to this folder as `<firm id>.eml` and send nothing. */
  dryRun?: string;
  /** `smtps://user:password@host` or `smtp://user@host:587` (STARTTLS), or `smtp://127.0.0.1:2525`. */
  smtp?: string;
  /** Messages a minute at most (default 30). */
  ratePerMinute?: number;
  retry?: RetryPolicy;
  /** The time messages and journal entries carry (default: now). */
  now?: () => Date;
  onPlan?: MailRunOptions['onPlan'];
  onMessage?: MailRunOptions['onMessage'];
}

/** Sends (or, with `dryRun`, writes) each firm of the manifest its guide. */
export async function sendGuides(loaded: LoadedEdition, options: SendGuidesOptions): Promise<MailRunResult> {
  const cwd = path.resolve(options.cwd ?? '');
  const { catalogue, root } = loaded;
  if (!catalogue || hasErrors(loaded.diagnostics)) throw new GuideInputError(loaded.diagnostics, loaded.sources);
  const edition = catalogue.edition;
  const mail = edition.mail;
  if (mail === undefined) {
    throw new GuideInputError([
      diagnostic('E-MAIL-CONFIG', say.noMailConfig(), {
        file: 'guide.yaml',
        hint: say.noMailConfigHint({ example: 'mail: { from: 山東省委臺港澳辦 <service@example.gov.cn> }' }),
      }),
    ]);
  }
  if (options.dryRun !== undefined && options.to !== undefined) throw new UsageError(mailOptionMessages.dryRunAndTo());
  if (options.to !== undefined && !isEmailAddress(options.to)) {
    throw new UsageError(mailOptionMessages.testAddress({ value: options.to }));
  }
  const rate = options.ratePerMinute ?? defaultRate;
  if (!(rate > 0)) throw new UsageError(mailOptionMessages.rate({ value: String(rate) }));
  const formats = options.formats ?? ['pdf'];
  for (const format of formats) {
    if (!(outputFormats as readonly string[]).includes(format))
      throw new UsageError(commandMessages.formatList({ formats: outputFormats.join(', '), value: format }));
  }
  const server =
    options.dryRun !== undefined
      ? undefined
      : options.smtp !== undefined && options.smtp.trim() !== ''
        ? parseSmtpUrl(options.smtp)
        : (() => {
            throw new UsageError(mailOptionMessages.noSmtp());
          })();

  const templates = readMailTemplates(root, edition);
  const compiled = compileLetter(templates.sources);
  const templateTexts = new Map(Object.values(templates.sources).map((s) => [s.file, s.text]));
  if (!compiled.letter || hasErrors(templates.diagnostics)) {
    throw new GuideInputError([...templates.diagnostics, ...compiled.diagnostics], templateTexts);
  }

  const manifestFile = path.resolve(
    cwd,
    options.manifest ?? path.join(root, edition.output.dir, 'firms', 'manifest.json'),
  );
  const shownManifest = path.relative(cwd, manifestFile) || manifestFile;
  const text = await readTextIfPresent(manifestFile);
  const parsed =
    text === undefined
      ? {
          diagnostics: [
            diagnostic('E-MAIL-MANIFEST', say.manifestUnreadable({ file: shownManifest, reason: 'ENOENT' }), {
              file: shownManifest,
              hint: say.manifestHint(),
            }),
          ],
        }
      : parseManifest(text, shownManifest);
  if (!parsed.manifest) throw new GuideInputError(parsed.diagnostics);
  const manifest = parsed.manifest;
  const known = manifest.firms.map((firm) => firm.id).filter((id) => id !== '');
  const only = options.only !== undefined ? selectIds(options.only.join(','), known, '--only') : undefined;
  const resend = options.resend !== undefined ? selectIds(options.resend.join(','), known, '--resend') : undefined;
  const shard = parseShard(options.shard);

  return runMail({
    edition,
    mail,
    manifest,
    manifestFile,
    shownManifest,
    letter: compiled.letter,
    formats,
    ...(only ? { only } : {}),
    ...(shard ? { shard } : {}),
    ...(resend ? { resend } : {}),
    ...(options.to !== undefined ? { testAddress: options.to } : {}),
    ...(options.dryRun !== undefined ? { dryRunDir: path.resolve(cwd, options.dryRun) } : {}),
    ...(server ? { connect: () => smtpTransport(server, maxConnections), serverName: server.shown } : {}),
    ratePerMinute: rate,
    concurrency: maxConnections,
    retry: options.retry ?? defaultRetry,
    now: options.now ?? (() => new Date()),
    ...(options.onPlan ? { onPlan: options.onPlan } : {}),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
  });
}
