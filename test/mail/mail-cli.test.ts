import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import {
  attachmentName,
  builtBatchCopies,
  decodeWords,
  parseMessage,
  partBytes,
  partText,
  readJournal,
  readManifest,
  startServer,
  type TestServer,
} from './helpers.js';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const epoch = { SOURCE_DATE_EPOCH: '1583366400' };

const mail = (dir: string, server: TestServer | undefined, ...args: string[]) =>
  runCli(['mail', ...(server ? ['--smtp', server.url] : []), '--rate', '600/min', '--retry-delay', '20', ...args], {
    cwd: dir,
    env: epoch,
  });

describe('guide mail', () => {
  const { fresh } = builtBatchCopies();

  it('sends every firm one message with its guide attached, a decodable Chinese subject, and a rerun sends nothing', async () => {
    const dir = fresh();
    const server = await startServer();
    try {
      const run = await mail(dir, server, '--json');
      assert.equal(run.code, 0, run.stderr);
      const manifest = await readManifest(dir);
      const ok = manifest.firms.filter((f) => f.status === 'ok');
      assert.equal(ok.length, 5);
      assert.equal(server.received.length, ok.length);
      for (const firm of ok) {
        const got = server.received.filter((m) => m.to.includes(firm.email!));
        assert.equal(got.length, 1, firm.id);
        const { headers, parts } = parseMessage(got[0]!.raw);
        const subject = decodeWords(headers.get('subject')!);
        assert.equal(subject, `${firm.name}：惠企政策服務指南（2020年3月版，${firm.measures.length}項措施）`);
        assert.match(headers.get('subject')!, /^=\?UTF-8\?[BQ]\?/, 'the subject is RFC 2047 encoded');
        assert.equal(decodeWords(headers.get('from')!), '山東省委臺港澳辦 <service@example.gov.cn>');
        assert.equal(headers.get('reply-to'), 'service@example.gov.cn');
        const pdfs = parts.filter((p) => p.headers.get('content-type')?.startsWith('application/pdf'));
        assert.equal(pdfs.length, 1);
        assert.equal(sha256(partBytes(pdfs[0]!)), firm.files[0]!.sha256);
        assert.equal(attachmentName(pdfs[0]!), path.posix.basename(firm.files[0]!.path));
        const text = partText(parts.find((p) => p.headers.get('content-type')?.startsWith('text/plain'))!);
        assert.match(text, new RegExp(`收錄與貴公司相關的${firm.measures.length}項措施`));
        assert.match(text, /山東省委臺港澳辦服務熱線/);
        const html = partText(parts.find((p) => p.headers.get('content-type')?.startsWith('text/html'))!);
        assert.match(html, /<strong>.*有限公司<\/strong>/);
      }
      const summary = JSON.parse(run.stdout) as { sent: { id: string }[]; failed: unknown[] };
      assert.equal(summary.sent.length, 5);
      assert.deepEqual(summary.failed, []);
      assert.match(
        run.stderr,
        /5 sent, 0 already sent, 0 in doubt, 0 failed; journal: dist\/firms\/mail-journal\.jsonl/,
      );
      const entries = await readJournal(dir);
      assert.deepEqual(
        entries.map((e) => e.event).sort(),
        [...Array(5).fill('sending'), ...Array(5).fill('handed'), ...Array(5).fill('sent')].sort(),
        'sending, handed and sent once per firm',
      );
      for (const entry of entries.filter((e) => e.event === 'sending')) {
        const firm = ok.find((f) => f.id === entry.firm)!;
        assert.deepEqual(entry.files, [{ path: firm.files[0]!.path, sha256: firm.files[0]!.sha256 }]);
        assert.match(entry.messageId, /^<guide\.[0-9a-f]{32}@example\.gov\.cn>$/);
      }

      const rerun = await mail(dir, server);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.equal(server.received.length, 5, 'the rerun sent nothing');
      assert.match(rerun.stderr, /0 to send, 5 already sent/);
    } finally {
      await server.close();
    }
  });

  it('--dry-run writes each message as an .eml file, byte for byte what is then sent', async () => {
    const dir = fresh();
    const dry = await mail(dir, undefined, '--dry-run', 'eml');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /5 messages written to eml \(nothing was sent\)/);
    const files = (await readdir(path.join(dir, 'eml'))).sort();
    assert.deepEqual(files, ['TW-0001.eml', 'TW-0002.eml', 'TW-0003.eml', 'TW-0004.eml', 'TW-0005.eml']);
    await assert.rejects(readFile(path.join(dir, 'dist/firms/mail-journal.jsonl')), 'a dry run writes no journal');
    const manifest = await readManifest(dir);
    const eml = await readFile(path.join(dir, 'eml/TW-0001.eml'));
    const { parts } = parseMessage(eml);
    const pdf = parts.find((p) => p.headers.get('content-type')?.startsWith('application/pdf'))!;
    assert.equal(sha256(partBytes(pdf)), manifest.firms.find((f) => f.id === 'TW-0001')!.files[0]!.sha256);

    const server = await startServer();
    try {
      const run = await mail(dir, server, '--only', 'TW-0001');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(server.received.length, 1);
      assert.equal(
        server.received[0]!.raw.toString('latin1').replace(/\r\n$/, ''),
        eml.toString('latin1').replace(/\r\n$/, ''),
      );
    } finally {
      await server.close();
    }
  });

  it('warns about attachments over guide.yaml mail: max_attachment_mb, and still writes them', async () => {
    const dir = fresh();
    const yaml = path.join(dir, 'guide.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace(/^mail:.*$/m, '$&\n  max_attachment_mb: 0.1'));
    const dry = await mail(dir, undefined, '--dry-run', 'eml', '--only', 'TW-0001');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /warning W-MAIL-SIZE firm TW-0001 .*: the attachments are \d+\.\d MB, over the 0\.1 MB/);
    assert.match(dry.stderr, /1 message written to eml/);
  });

  it('records a 5xx refusal with the server reply, sends the others, and exits 1', async () => {
    const dir = fresh();
    const server = await startServer({ reject: ['lin@example.com.tw'] });
    try {
      const run = await mail(dir, server);
      assert.equal(run.code, 1, run.stderr);
      assert.equal(server.received.length, 4);
      assert.ok(!server.received.some((m) => m.to.includes('lin@example.com.tw')));
      assert.match(
        run.stderr,
        /E-MAIL-REJECTED firm TW-0002 .*: the server refused the message: 550 5\.1\.1 mailbox unavailable/,
      );
      assert.match(run.stderr, /4 sent, 0 already sent, 0 in doubt, 1 failed/);
      const failed = (await readJournal(dir)).filter((e) => e.event === 'failed');
      assert.equal(failed.length, 1);
      assert.equal(failed[0]!.firm, 'TW-0002');
      assert.match((failed[0] as { error: string }).error, /550 5\.1\.1 mailbox unavailable/);
    } finally {
      await server.close();
    }
  });

  it('retries after 4xx replies and delivers once', async () => {
    const dir = fresh();
    const server = await startServer({ temporaryFailures: 2 });
    try {
      const run = await mail(dir, server, '--only', 'TW-0003');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(server.attempts, 3);
      assert.equal(server.received.length, 1);
      const events = (await readJournal(dir)).map((e) => e.event);
      assert.deepEqual(events, [
        'sending',
        'handed',
        'retry',
        'sending',
        'handed',
        'retry',
        'sending',
        'handed',
        'sent',
      ]);
    } finally {
      await server.close();
    }
  });

  it('retries a message whose connection dropped mid-message, and every firm gets one', async () => {
    const dir = fresh();
    const server = await startServer({ dropFirst: true });
    try {
      const run = await mail(dir, server);
      assert.equal(run.code, 0, run.stderr);
      const counts = new Map<string, number>();
      for (const m of server.received) for (const to of m.to) counts.set(to, (counts.get(to) ?? 0) + 1);
      assert.deepEqual([...counts.values()], [1, 1, 1, 1, 1]);
      assert.ok(
        (await readJournal(dir)).some((e) => e.event === 'retry'),
        'the drop was retried',
      );
    } finally {
      await server.close();
    }
  });

  it('reports missing, invalid and shared addresses per firm before sending anything, and sends the rest', async () => {
    const dir = fresh();
    const file = path.join(dir, 'dist/firms/manifest.json');
    const manifest = await readManifest(dir);
    manifest.firms.find((f) => f.id === 'TW-0001')!.email = null;
    manifest.firms.find((f) => f.id === 'TW-0002')!.email = 'lin@example';
    manifest.firms.find((f) => f.id === 'TW-0004')!.email = 'LEE@example.com.tw';
    await writeFile(file, JSON.stringify(manifest));
    const server = await startServer();
    try {
      const run = await mail(dir, server);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /E-MAIL-RECIPIENT firm TW-0001 .* has no email address/);
      assert.match(run.stderr, /E-MAIL-RECIPIENT firm TW-0002 .*"lin@example" is not an email address/);
      assert.match(run.stderr, /E-MAIL-RECIPIENT firm TW-0004 .* the same email address LEE@example.com.tw as TW-0005/);
      assert.match(run.stderr, /E-MAIL-RECIPIENT firm TW-0005 .* as TW-0004/);
      // Reported before the plan line, which comes before any message.
      assert.ok(run.stderr.indexOf('E-MAIL-RECIPIENT') < run.stderr.indexOf('to send'));
      assert.deepEqual(
        server.received.map((m) => m.to),
        [['chen@example.com.tw']],
      );
      assert.match(run.stderr, /1 sent, 0 already sent, 0 in doubt, 4 failed/);
    } finally {
      await server.close();
    }
  });

  it('--to sends every message to one address, marked in the subject, and writes no journal', async () => {
    const dir = fresh();
    const server = await startServer();
    try {
      const run = await mail(dir, server, '--to', 'tester@example.gov.cn', '--only', 'TW-0001,TW-0002');
      assert.equal(run.code, 0, run.stderr);
      assert.equal(server.received.length, 2);
      for (const m of server.received) {
        assert.deepEqual(m.to, ['tester@example.gov.cn']);
        assert.match(
          decodeWords(parseMessage(m.raw).headers.get('subject')!),
          /^【測試】 .*有限公司：惠企政策服務指南/,
        );
      }
      await assert.rejects(readFile(path.join(dir, 'dist/firms/mail-journal.jsonl')));
    } finally {
      await server.close();
    }
  });

  it('never prints the password of the SMTP URL, and gives up on an unreachable server with exit 1', async () => {
    const dir = fresh();
    const run = await mail(
      dir,
      undefined,
      '--smtp',
      'smtp://office:s3cr%21t@127.0.0.1:1',
      '--only',
      'TW-0001',
      '--json',
    );
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /E-MAIL-UNDELIVERED firm TW-0001 .* not handed to the server after 5 attempts/);
    assert.doesNotMatch(
      run.stderr + run.stdout + (await readFile(path.join(dir, 'dist/firms/mail-journal.jsonl'), 'utf8')),
      /s3cr/,
    );
  });

  it('refuses a plain smtp:// URL to another host without STARTTLS required, and names mail in a held lock', async () => {
    const { parseSmtpUrl } = await import('../../src/mail/smtp-url.js');
    assert.equal(parseSmtpUrl('smtp://mail.example.gov.cn').requireTLS, true);
    assert.equal(parseSmtpUrl('smtp://127.0.0.1:2525').requireTLS, false);
    assert.equal(parseSmtpUrl('smtps://u:p@mail.example.gov.cn').secure, true);
    assert.equal(parseSmtpUrl('smtps://u:p@mail.example.gov.cn').shown, 'smtps://u:***@mail.example.gov.cn');
    const bad = await mail(fresh(), undefined, '--smtp', 'http://u:pw@host');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /http:\/\/u:\*\*\*@host is not one guide can use/);

    const dir = fresh();
    await mkdir(path.join(dir, 'dist/firms'), { recursive: true });
    await writeFile(path.join(dir, 'dist/firms/.guide-batch.lock'), `${process.ppid}\n\nbatch\n`);
    const locked = await mail(dir, undefined, '--dry-run', 'eml');
    assert.equal(locked.code, 3);
    assert.match(locked.stderr, /guide mail cannot start: another guide batch \(process \d+\) is using/);
  });
});
