/**
 * guide mail over TLS, as an office sends through its mail server: `smtps://` to a real SMTP
 * server speaking TLS from the first byte, with a password. guide runs in its own process, so
 * node's certificate store is the one the user's would be: the test CA is trusted only through
 * NODE_EXTRA_CA_CERTS, as an office would add its own CA.
 */

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { spawnGuide } from '../release/helpers.js';
import {
  builtBatchCopies,
  firmRows,
  parseMessage,
  readJournal,
  startServer,
  testCa,
  type TestServer,
} from './helpers.js';

const password = 'pa55:w/rd';

/** Sends the batch in `dir` through `url` with the office's login, in a process of its own. */
function mailThrough(dir: string, url: string, trust: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, GUIDE_LANG: 'en', SOURCE_DATE_EPOCH: '1583366400' };
  if (trust) env.NODE_EXTRA_CA_CERTS = testCa;
  else delete env.NODE_EXTRA_CA_CERTS;
  const login = url.replace('://', `://office:${encodeURIComponent(password)}@`);
  return spawnGuide(['mail', '--smtp', login, '--rate', '600/min', '--retry-delay', '20'], { cwd: dir, env });
}

describe('guide mail over TLS', () => {
  const { fresh } = builtBatchCopies(firmRows.slice(0, 2));
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer({ tls: true });
  });
  afterEach(() => server.close());

  it('logs in and sends every firm its guide over smtps to a server whose certificate is trusted', async () => {
    const dir = fresh();
    const run = await mailThrough(dir, server.url, true);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(server.received.map((m) => [m.to, m.secure]).sort(), [
      [['lin@example.com.tw'], true],
      [['wang@example.com.tw'], true],
    ]);
    // One login per connection of the pool.
    assert.ok(server.logins.length > 0);
    for (const login of server.logins) assert.deepEqual(login, { user: 'office', password });
    const attachments = server.received.map((m) => parseMessage(m.raw).parts.filter((p) => p.body.startsWith('JVBER')));
    assert.deepEqual(
      attachments.map((parts) => parts.length),
      [1, 1],
    );
    assert.deepEqual(
      (await readJournal(dir))
        .filter((e) => e.event === 'sent')
        .map((e) => e.firm)
        .sort(),
      ['TW-0001', 'TW-0002'],
    );
    assert.doesNotMatch(run.stdout + run.stderr, /pa55/);
  });

  it('sends nothing to a server whose certificate is not trusted, says why once and exits 1', async () => {
    const dir = fresh();
    const run = await mailThrough(dir, server.url, false);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(server.received.length, 0);
    assert.deepEqual(server.logins, []);
    // Once, for the server, after the first attempt: another cannot help.
    assert.match(
      run.stderr,
      /E-MAIL-UNDELIVERED the mail server smtps:\/\/office:\*\*\*@127\.0\.0\.1:\d+ cannot be used \(unable to verify the first certificate\); nothing more was sent/,
    );
    assert.match(run.stderr, /hint: this computer does not trust the server's certificate: .* NODE_EXTRA_CA_CERTS/);
    assert.equal((run.stderr.match(/E-MAIL-UNDELIVERED/g) ?? []).length, 1);
    assert.equal((await readJournal(dir)).filter((e) => e.event === 'retry').length, 0);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
    assert.doesNotMatch(run.stdout + run.stderr, /pa55/);
  });
});
