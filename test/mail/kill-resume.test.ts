import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { JournalEntry } from '../../src/mail/journal.js';
import { repoRoot } from '../helpers/paths.js';
import { builtBatch, decodeWords, parseMessage, removeFolder, startServer, type Received } from './helpers.js';

const guide = path.join(repoRoot, 'bin/guide.js');

/** Runs the CLI in a child process without blocking this one, where the SMTP server runs. */
function runGuide(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

describe('guide mail killed with SIGKILL and run again', () => {
  const folders: string[] = [];
  after(() => folders.forEach(removeFolder));

  it('sends no firm twice; the rerun sends each remaining firm once and reports the message in doubt', async () => {
    assert.ok((await stat(path.join(repoRoot, 'lib/cli/main.js'))).isFile(), 'run `npm run build` first');
    const dir = await builtBatch();
    folders.push(dir);
    // The server answers the first message; from the second on it holds its answer, and the run is killed.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let second: () => void = () => {};
    const secondArrived = new Promise<void>((resolve) => (second = resolve));
    const server = await startServer({
      onMessage: (_message: Received) => {
        if (server.received.length < 2) return;
        second();
        return held;
      },
    });
    const args = [guide, 'mail', '--smtp', server.url, '--rate', '600/min', '--retry-delay', '20'];
    const journalFile = path.join(dir, 'dist/firms/mail-journal.jsonl');
    const messageIdOf = (m: Received) => parseMessage(m.raw).headers.get('message-id')!;
    try {
      const child = spawn(process.execPath, args, { cwd: dir, stdio: 'ignore' });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await secondArrived;
      child.kill('SIGKILL');
      await exited;
      release();
      assert.equal(child.signalCode, 'SIGKILL');
      const atKill = server.received.length;
      const killedJournal = (await readFile(journalFile, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as JournalEntry);
      const sentAtKill = killedJournal.filter((e) => e.event === 'sent').map((e) => e.firm);
      assert.equal(sentAtKill.length, 1, 'the first message was acknowledged and journaled');
      // The second was received by the server but never acknowledged: the journal says only "sending".
      const secondId = messageIdOf(server.received[1]!);
      const secondEntries = killedJournal.filter((e) => e.messageId === secondId).map((e) => e.event);
      assert.deepEqual(secondEntries, ['sending']);

      const rerun = await runGuide(args, dir);
      assert.equal(rerun.status, 0, rerun.stderr);
      const doubtful = [...rerun.stderr.matchAll(/W-MAIL-IN-DOUBT firm (TW-\d+)/g)].map((m) => m[1]!);
      assert.ok(doubtful.length >= 1 && doubtful.length <= 2, rerun.stderr);
      const count = () => {
        const byAddress = new Map<string, number>();
        for (const m of server.received) for (const to of m.to) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
        return byAddress;
      };
      // No firm has two messages; every firm not in doubt has exactly one.
      assert.ok(
        [...count().values()].every((n) => n === 1),
        JSON.stringify([...count()]),
      );
      const after = server.received.length;
      assert.equal(after, 5 - doubtful.length + (atKill - 1), `${atKill} at the kill, ${after} after the rerun`);

      // The operator settles the doubt: the firm whose message the server has is left; the others resent.
      const delivered = new Set(server.received.map((m) => messageIdOf(m)));
      const entries = (await readFile(journalFile, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as JournalEntry);
      const notDelivered = doubtful.filter((id) =>
        entries.some((e) => e.firm === id && e.event === 'sending' && !delivered.has(e.messageId)),
      );
      if (notDelivered.length > 0) {
        const resend = await runGuide([...args, '--resend', notDelivered.join(',')], dir);
        assert.equal(resend.status, 0, resend.stderr);
      }
      const final = count();
      assert.equal(final.size, 5);
      assert.ok(
        [...final.values()].every((n) => n === 1),
        JSON.stringify([...final]),
      );
      // The resent message carries the Message-ID of the attempt left in doubt.
      for (const id of notDelivered) {
        const doubtId = entries.find((e) => e.firm === id && e.event === 'sending')!.messageId;
        assert.ok(
          server.received.some((m) => messageIdOf(m) === doubtId),
          id,
        );
      }
      assert.match(decodeWords(parseMessage(server.received[0]!.raw).headers.get('subject')!), /惠企政策服務指南/);

      const last = await runGuide(args, dir);
      assert.equal(last.status, 0, last.stderr);
      assert.match(last.stderr, /0 to send, \d already sent/);
    } finally {
      release();
      await server.close();
    }
  });
});
