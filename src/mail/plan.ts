/**
 * Which firms of a batch manifest get a message in this run, checked before anything is sent:
 * firms whose guide was built (`ok`), in this run (`--only`, `--shard`), with one valid address
 * of their own, whose files are those the manifest lists; minus those the journal says already
 * have these very files (unless `--resend`), and those left in doubt by a stopped run.
 */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { firmIdKey } from '../firms/records.js';
import { isManifestFirm, type BatchManifest, type ManifestFile, type ManifestFirm } from '../batch/manifest.js';
import { shardOf, type Shard } from '../batch/shard.js';
import type { OutputFormat } from '../writers/formats.js';
import { isEmailAddress } from './address.js';
import { filesKey, stateKey, type FirmMailState } from './journal.js';
import { mailMessages as say } from '../messages/mail.js';

/** A manifest.json text as a manifest, or why not. */
export function parseManifest(text: string, file: string): { manifest?: BatchManifest; diagnostics: Diagnostic[] } {
  const invalid = () => ({
    diagnostics: [diagnostic('E-MAIL-MANIFEST', say.manifestInvalid({ file }), { file, hint: say.manifestHint() })],
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid();
  }
  const manifest = parsed as Partial<BatchManifest> | null;
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    typeof manifest.edition?.edition !== 'string' ||
    typeof manifest.letterDate !== 'string' ||
    !Array.isArray(manifest.firms) ||
    !manifest.firms.every(isManifestFirm)
  ) {
    return invalid();
  }
  return { manifest: manifest as BatchManifest, diagnostics: [] };
}

/** A firm that gets a message in this run. */
export interface PlannedMessage {
  firm: ManifestFirm;
  /** The firm's own address (a test run sends elsewhere). */
  to: string;
  files: ManifestFile[];
  filesKey: string;
  /** How many times the journal says these files were accepted already (for `--resend`). */
  sentBefore: number;
  /** The run that stopped while handing it over, when this resends a message in doubt. */
  inDoubt?: { messageId: string; time: string };
}

/** The plan: messages to send, and the firms that get none, and why. */
export interface MailPlan {
  send: PlannedMessage[];
  /** Firms whose current files were sent already. */
  alreadySent: ManifestFirm[];
  /** Firms whose message was being handed over when a run stopped (W-MAIL-IN-DOUBT). */
  inDoubt: { firm: ManifestFirm; messageId: string; time: string }[];
  /** Firms that cannot be sent (E-MAIL-RECIPIENT, E-MAIL-FILE), each with its diagnostic. */
  problems: { firm: ManifestFirm; diagnostic: Diagnostic }[];
  /** Firms of the manifest with a guide (`ok`). */
  okFirms: number;
}

/** What the plan is made from. */
export interface PlanInput {
  manifest: BatchManifest;
  /** The manifest's path as diagnostics show it. */
  manifestFile: string;
  formats: readonly OutputFormat[];
  only?: ReadonlySet<string>;
  shard?: Shard;
  resend?: ReadonlySet<string>;
  /** A test run (`--to`): the journal is left out, every firm is sent. */
  test: boolean;
  /** The journal's states (`journalStates`). */
  journal: ReadonlyMap<string, FirmMailState>;
}

/** The ok firms in this run, checked, against the journal. Pure. */
export function planMessages(input: PlanInput): MailPlan {
  const { manifest, manifestFile: file } = input;
  const ok = manifest.firms.filter((firm) => firm.status === 'ok' && firm.id !== '');
  const plan: MailPlan = { send: [], alreadySent: [], inDoubt: [], problems: [], okFirms: ok.length };
  const problem = (firm: ManifestFirm, code: 'E-MAIL-RECIPIENT' | 'E-MAIL-FILE', message: string, hint: string) =>
    plan.problems.push({ firm, diagnostic: diagnostic(code, message, { file, hint }) });

  // Duplicates across the whole manifest: two shards must not each send one mailbox a guide.
  const byAddress = new Map<string, ManifestFirm[]>();
  for (const firm of ok) {
    const address = firm.email?.trim().toLowerCase();
    if (address) byAddress.set(address, [...(byAddress.get(address) ?? []), firm]);
  }
  const inRun = (firm: ManifestFirm) =>
    (input.only === undefined || input.only.has(firmIdKey(firm.id))) &&
    (input.shard === undefined || shardOf(firm, input.shard.count) === input.shard.index);

  for (const firm of ok.filter(inRun)) {
    const named = { id: firm.id, name: firm.name };
    const email = firm.email?.trim() ?? '';
    if (email === '') {
      problem(firm, 'E-MAIL-RECIPIENT', say.recipientMissing(named), say.recipientHint());
      continue;
    }
    if (!isEmailAddress(email)) {
      problem(firm, 'E-MAIL-RECIPIENT', say.recipientInvalid({ ...named, email }), say.recipientHint());
      continue;
    }
    const sharing = byAddress.get(email.toLowerCase())!.filter((other) => other !== firm);
    if (sharing.length > 0) {
      const others = sharing.map((other) => `${other.id}（${other.name}）`).join(', ');
      problem(firm, 'E-MAIL-RECIPIENT', say.recipientDuplicate({ ...named, email, others }), say.recipientHint());
      continue;
    }
    const files: ManifestFile[] = [];
    for (const format of input.formats) {
      const listed = firm.files.find((f) => f.format === format);
      if (listed) files.push(listed);
      else
        problem(
          firm,
          'E-MAIL-FILE',
          say.fileNotInManifest({ ...named, format }),
          say.fileHint({ formats: input.formats.join(',') }),
        );
    }
    if (files.length !== input.formats.length) continue;

    const key = filesKey(files.map((f) => f.sha256));
    if (input.test) {
      plan.send.push({ firm, to: email, files, filesKey: key, sentBefore: 0 });
      continue;
    }
    const state = input.journal.get(stateKey(firm.id, key)) ?? { sent: 0 };
    const forced = input.resend?.has(firmIdKey(firm.id)) === true;
    if (!forced && state.sent > 0) {
      plan.alreadySent.push(firm);
    } else if (!forced && state.inDoubt) {
      plan.inDoubt.push({ firm, ...state.inDoubt });
    } else {
      plan.send.push({
        firm,
        to: email,
        files,
        filesKey: key,
        sentBefore: state.sent,
        ...(state.inDoubt ? { inDoubt: state.inDoubt } : {}),
      });
    }
  }
  return plan;
}
