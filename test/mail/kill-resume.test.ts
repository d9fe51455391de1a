import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { JournalEntry } from '../../src/mail/journal.js';
import { repoRoot } from '../helpers/paths.js';
import { builtBatch, decodeWords, parseMessage, removeFolder, startServer, type Received } from './helpers.js';

const guide = path.join(repoRoot, 'bin/guide.cjs');

/** Runs the CLI in a child process without blocking this one, where the SMTP server runs. */
function runGuide(args: string[], cwd: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

/** Whether the journal has a message sent yet. */
async function journaledSent(journalFile: string): Promise<boolean> {
  const text = await readFile(journalFile, 'utf8').catch(() => '');
  return text.split('\n').some((line) => {
    try {
      return (JSON.parse(line) as JournalEntry).event === 'sent';
    } catch {
      return false; // a line still being written
    }
  });
}

describe('guide mail killed with SIGKILL and run again', () => {
  const folders: string[] = [];
  after(() => folders.forEach(removeFolder));

  it(
    'sends no firm twice; the rerun sends each remaining firm once and reports the message the server had whole as in doubt',
    { timeout: 120_000 },
    async () => {
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
        // The second message may come in on another connection before the first's acknowledgement
        // is journaled (a loaded machine): kill the run once the journal has it.
        for (let waited = 0; waited < 10_000 && !(await journaledSent(journalFile)); waited += 20)
          await new Promise((resolve) => setTimeout(resolve, 20));
        child.kill('SIGKILL');
        await exited;
        release();
        assert.equal(child.signalCode, 'SIGKILL');
        assert.ok(server.received.length >= 2, 'the held message reached the server whole');
        const killedJournal = (await readFile(journalFile, 'utf8'))
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as JournalEntry);
        const sentAtKill = killedJournal.filter((e) => e.event === 'sent').map((e) => e.firm);
        assert.equal(sentAtKill.length, 1, 'the first message was acknowledged and journaled');
        // The second was received by the server but never acknowledged: the journal says only "sending".
        const secondId = messageIdOf(server.received[1]!);
        const secondEntries = killedJournal.filter((e) => e.messageId === secondId).map((e) => e.event);
        assert.deepEqual(secondEntries, ['sending', 'handed']);

        const rerun = await runGuide(args, dir);
        assert.equal(rerun.status, 0, rerun.stderr);
        const doubtful = [...rerun.stderr.matchAll(/W-MAIL-IN-DOUBT firm (TW-\d+)/g)].map((m) => m[1]!);
        // The held message, which the server had whole, is in doubt.
        const firmOf = (m: Received) => killedJournal.find((e) => e.messageId === messageIdOf(m))?.firm;
        assert.ok(doubtful.includes(firmOf(server.received[1]!)!), rerun.stderr);
        // In doubt are exactly the firms journaled as handed over without an outcome. Another
        // connection may have been killed between "handed" and the end of data, so the server
        // may lack one of them: resending is then what the warning asks the operator to do.
        const handedOnly = new Set(killedJournal.filter((e) => e.event === 'handed').map((e) => e.firm));
        for (const e of killedJournal) if (e.event === 'sent') handedOnly.delete(e.firm);
        assert.deepEqual([...doubtful].sort(), [...handedOnly].sort());
        assert.equal(rerun.stderr.match(/^\d+ to send/m)?.[0], `${5 - 1 - doubtful.length} to send`, rerun.stderr);
        const receivedBefore = new Set(server.received.map(firmOf));
        const lost = doubtful.filter((id) => !receivedBefore.has(id));
        if (lost.length > 0) {
          const settle = await runGuide([...args, '--resend', lost.join(',')], dir);
          assert.equal(settle.status, 0, settle.stderr);
        }
        // Every firm has exactly one message: the rerun sent each remaining firm once, none twice.
        const byAddress = new Map<string, number>();
        for (const m of server.received) for (const to of m.to) byAddress.set(to, (byAddress.get(to) ?? 0) + 1);
        assert.equal(byAddress.size, 5, JSON.stringify([...byAddress]));
        assert.ok(
          [...byAddress.values()].every((n) => n === 1),
          JSON.stringify([...byAddress]),
        );
        assert.match(rerun.stderr, new RegExp(`1 already sent, ${doubtful.length} in doubt`));
        assert.match(decodeWords(parseMessage(server.received[0]!.raw).headers.get('subject')!), /惠企政策服務指南/);

        // --resend settles a doubt by sending again, with the Message-ID of the attempt in doubt.
        const held = firmOf(server.received[1]!)!;
        const delivered = doubtful.filter((id) => receivedBefore.has(id));
        assert.ok(delivered.includes(held));
        const resend = await runGuide([...args, '--resend', delivered.join(',')], dir);
        assert.equal(resend.status, 0, resend.stderr);
        const doubtId = killedJournal.find((e) => e.firm === held && e.event === 'handed')!.messageId;
        assert.equal(server.received.filter((m) => messageIdOf(m) === doubtId).length, 2);

        const last = await runGuide(args, dir);
        assert.equal(last.status, 0, last.stderr);
        assert.match(last.stderr, /0 to send, 5 already sent/);
      } finally {
        release();
        await server.close();
      }
    },
  );
});
