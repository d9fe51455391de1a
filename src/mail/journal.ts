/**
 * The mail journal, mail-journal.jsonl beside the manifest: one JSON object a line, appended and
 * flushed to disk before guide goes on, so that after a crash it says what was on its way.
 *
 * For each message: `sending` before it is handed to the server (with the firm, the address, the
 * sha256 of every attached file and the Message-ID); `handed` once all of its bytes have gone
 * into the connection, just before the end of data is written (the server can accept it only
 * after that); then `sent` (the server accepted it), `retry` (a temporary failure; another
 * `sending` follows) or `failed` (refused for good, or out of retries). A message whose last
 * entry is `sending` was certainly not accepted: the next run sends it. One whose last entry is
 * `handed` is in doubt: the run stopped while the server had the whole message, and whether it
 * accepted it is not known (docs/decisions.md, issue 16).
 */

import { sha256Hex } from '../hash.js';

/** One line of the journal. */
export type JournalEntry =
  | {
      event: 'sending';
      time: string;
      firm: string;
      to: string;
      messageId: string;
      files: { path: string; sha256: string }[];
    }
  | { event: 'handed'; time: string; firm: string; messageId: string }
  | { event: 'sent'; time: string; firm: string; messageId: string; response: string }
  | { event: 'retry'; time: string; firm: string; messageId: string; error: string; delayMs: number }
  | { event: 'failed'; time: string; firm: string; messageId: string; error: string };

/** The journal's file name, in the manifest's folder. */
export const journalFileName = 'mail-journal.jsonl';

/** What the journal says of one firm's current files. */
export interface FirmMailState {
  /** How many times a message with exactly these files was accepted by the server. */
  sent: number;
  /** A message with these files was being handed over when a run stopped, with no outcome since. */
  inDoubt?: { messageId: string; time: string };
}

/** The key of a set of files: their sha256s, sorted (the order of attachments does not matter). */
export function filesKey(sha256s: readonly string[]): string {
  return sha256Hex([...sha256s].sort().join(','));
}

/**
 * Reads the journal's lines. A last line cut short by a crash (no newline, not JSON) is left
 * out; so is any line that is not an entry guide wrote.
 */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.firm === 'string' &&
        typeof entry.messageId === 'string'
      )
        entries.push(entry);
    } catch {
      // A line cut short: its message has no outcome, which the entry before it already says.
    }
  }
  return entries;
}

/** Per firm and files key, what the journal records. */
export function journalStates(entries: readonly JournalEntry[]): Map<string, FirmMailState> {
  const keyOf = new Map<string, string>();
  const last = new Map<string, JournalEntry>();
  const states = new Map<string, FirmMailState>();
  const state = (key: string) => states.get(key) ?? states.set(key, { sent: 0 }).get(key)!;
  for (const entry of entries) {
    if (entry.event === 'sending')
      keyOf.set(entry.messageId, stateKey(entry.firm, filesKey(entry.files.map((f) => f.sha256))));
    const key = keyOf.get(entry.messageId);
    if (key === undefined) continue;
    last.set(entry.messageId, entry);
    if (entry.event === 'sent') state(key).sent++;
  }
  for (const [messageId, entry] of last) {
    if (entry.event !== 'handed') continue;
    const current = state(keyOf.get(messageId)!);
    current.inDoubt = { messageId, time: entry.time };
  }
  // A later acceptance of the same files settles an earlier doubt.
  for (const current of states.values()) if (current.inDoubt && current.sent > 0) delete current.inDoubt;
  return states;
}

/** The key `journalStates` files a firm's state under. */
export function stateKey(firmId: string, key: string): string {
  return `${firmId}\u0000${key}`;
}
