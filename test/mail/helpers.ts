/**
 * For the guide mail tests: a small batch built once (as the batch tests build theirs), an SMTP
 * server on 127.0.0.1 with an ephemeral port that can refuse, delay or drop, and a reader of the
 * messages it receives (RFC 2047 headers, RFC 2231 names, base64 parts).
 */

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { after, before } from 'node:test';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';

type AuthCallback = (error: Error | null | undefined, response?: { user: unknown }) => void;
import type { BatchManifest } from '../../src/batch/manifest.js';
import type { JournalEntry } from '../../src/mail/journal.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const header = '編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求';
export const firmRows = [
  'TW-0001,臺商精密機械（青島）有限公司,王小明,wang@example.com.tw,青島市,裝備製造,中型,是,融資困難；物流不暢',
  'TW-0002,鴻達電子科技（煙臺）有限公司,林美玲,lin@example.com.tw,煙臺市,電子資訊,大型,是,市場訂單減少',
  'TW-0003,福味食品（濟南）有限公司,陳建國,chen@example.com.tw,濟南市,食品,小型,否,用工緊張；經營成本高',
  'TW-0004,海峽旅遊文化（威海）有限公司,張雅婷,chang@example.com.tw,威海市,文化旅遊,微型,否,經營成本高',
  'TW-0005,寶島紡織（濰坊）有限公司,李志豪,lee@example.com.tw,濰坊市,紡織服裝,小型,是,用工緊張',
];

/** A folder with the sample edition and a batch of `rows` built in it (PDF only). Built once per test file. */
export async function builtBatch(rows: readonly string[] = firmRows): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guide-mail-'));
  for (const item of ['guide.yaml', 'policies', 'templates'])
    cpSync(path.join(repoRoot, item), path.join(dir, item), { recursive: true });
  writeFileSync(path.join(dir, 'firms.csv'), `${header}\n${rows.join('\n')}\n`);
  const run = await runCli(['batch', '--firms', 'firms.csv', '--format', 'pdf', '--jobs', '1'], { cwd: dir });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return dir;
}

/** A fresh copy of a built batch folder, so each test starts with no journal. */
export function copyOf(dir: string): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'guide-mail-'));
  cpSync(dir, copy, { recursive: true });
  return copy;
}

export const removeFolder = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * For a test file (call it in its `describe`): a batch of `rows` built once before its tests, and
 * `fresh()`, a new copy of it for each test, so that each starts with no journal. All are removed
 * after the file's tests.
 */
export function builtBatchCopies(rows: readonly string[] = firmRows): { fresh: () => string } {
  let batch = '';
  const folders: string[] = [];
  before(async () => {
    batch = await builtBatch(rows);
  });
  after(() => {
    for (const dir of [batch, ...folders]) removeFolder(dir);
  });
  return {
    fresh: () => {
      const dir = copyOf(batch);
      folders.push(dir);
      return dir;
    },
  };
}

/** The mail journal of the batch in `dir`, entry by entry. */
export async function readJournal(dir: string): Promise<JournalEntry[]> {
  const text = await readFile(path.join(dir, 'dist/firms/mail-journal.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as JournalEntry);
}

/** One message the server accepted. */
export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
  /** Whether it came over TLS. */
  secure: boolean;
}

/** How the test server behaves. */
export interface ServerBehaviour {
  /** Recipients refused with 550 at RCPT TO. */
  reject?: readonly string[];
  /** Answer the end of DATA with 451 this many times (counted over the whole server) before accepting. */
  temporaryFailures?: number;
  /** Drop the connection in the middle of the first message's data. */
  dropFirst?: boolean;
  /** Told of each message once it is whole, before it is answered; may hold the answer back. */
  onMessage?: (message: Received) => Promise<void> | void;
  /**
   * TLS from the first byte (smtps), with a certificate for 127.0.0.1 signed by test/mail/tls/ca.pem,
   * and AUTH: the user names and passwords clients logged in with are in `logins`.
   */
  tls?: boolean;
}

/** The CA that signed the TLS test server's certificate: a client trusts it through NODE_EXTRA_CA_CERTS. */
export const testCa = path.join(repoRoot, 'test/mail/tls/ca.pem');

export interface TestServer {
  port: number;
  url: string;
  received: Received[];
  logins: { user: string; password: string }[];
  /** Every DATA the server saw end, accepted or not. */
  attempts: number;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 at a port the system picks. */
export async function startServer(behaviour: ServerBehaviour = {}): Promise<TestServer> {
  let temporary = behaviour.temporaryFailures ?? 0;
  let dropped = !behaviour.dropFirst;
  const state = { received: [] as Received[], attempts: 0, logins: [] as { user: string; password: string }[] };
  const tls = behaviour.tls
    ? {
        secure: true,
        key: readFileSync(path.join(repoRoot, 'test/mail/tls/server.key')),
        cert: readFileSync(path.join(repoRoot, 'test/mail/tls/server.pem')),
        onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback: AuthCallback) {
          state.logins.push({ user: auth.username ?? '', password: auth.password ?? '' });
          callback(null, { user: auth.username });
        },
      }
    : {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    ...tls,
    onRcptTo(address, _session, callback) {
      if (behaviour.reject?.includes(address.address)) {
        const error = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        bytes += chunk.length;
        if (!dropped && bytes > 2000) {
          dropped = true;
          // Mid-message: the client sees its connection close before any reply.
          (session as unknown as { _socket?: { destroy(): void } })._socket?.destroy();
          for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
            .connections)
            connection._socket.destroy();
        }
      });
      stream.on('end', () => {
        state.attempts++;
        if (temporary > 0) {
          temporary--;
          const error = new Error('4.3.0 try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
          secure: session.secure,
        };
        state.received.push(message);
        void Promise.resolve(behaviour.onMessage?.(message)).then(() => callback(null, 'Ok: queued'));
      });
    },
  });
  // A client killed mid-session resets its connection, and one that does not trust the
  // certificate closes it during the handshake: that is what some tests do, not a failure.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ECONNRESET' || (behaviour.tls && /initiating TLS/.test(error.message))) return;
    throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `${behaviour.tls ? 'smtps' : 'smtp'}://127.0.0.1:${port}`,
    received: state.received,
    logins: state.logins,
    get attempts() {
      return state.attempts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> })
          .connections)
          connection._socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function readManifest(dir: string): Promise<BatchManifest> {
  return import('node:fs/promises').then(
    async (fs) => JSON.parse(await fs.readFile(path.join(dir, 'dist/firms/manifest.json'), 'utf8')) as BatchManifest,
  );
}

/** RFC 2047 encoded words (B and Q) decoded; folded lines joined. */
export function decodeWords(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ');
  return unfolded
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A MIME entity: its headers (names lower-cased, values raw) and body. */
export interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitEntity(text: string): Part {
  const end = text.indexOf('\r\n\r\n');
  const head = text.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: text.slice(end + 4) };
}

/** The message's headers and every leaf part, nested multiparts opened. */
export function parseMessage(raw: Buffer): { headers: Map<string, string>; parts: Part[] } {
  const top = splitEntity(raw.toString('latin1'));
  const leaves: Part[] = [];
  const walk = (part: Part) => {
    const boundary = /boundary="([^"]+)"/.exec(part.headers.get('content-type') ?? '')?.[1];
    if (boundary === undefined) return void leaves.push(part);
    const pieces = part.body.split(`--${boundary}`).slice(1, -1);
    for (const piece of pieces) walk(splitEntity(piece.replace(/^\r\n/, '')));
  };
  walk(top);
  return { headers: top.headers, parts: leaves };
}

/** A part's body decoded from base64, as bytes. */
export function partBytes(part: Part): Buffer {
  assert.equal(part.headers.get('content-transfer-encoding'), 'base64');
  return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
}

/** The text of a part (UTF-8, base64 or quoted-printable). */
export function partText(part: Part): string {
  const encoding = part.headers.get('content-transfer-encoding');
  if (encoding === 'base64') return partBytes(part).toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(part.body, 'latin1').toString('utf8');
}

/** An attachment's file name from its RFC 2231 `filename*` parameters. */
export function attachmentName(part: Part): string | undefined {
  const disposition = (part.headers.get('content-disposition') ?? '').replace(/\r\n[ \t]+/g, ' ');
  const pieces = [...disposition.matchAll(/filename\*(\d+)?\*?=([^;]+)/g)].sort(
    (a, b) => Number(a[1] ?? 0) - Number(b[1] ?? 0),
  );
  if (pieces.length === 0) return /filename="?([^";]+)"?/.exec(disposition)?.[1];
  const joined = pieces
    .map((m) => m[2]!.trim())
    .join('')
    .replace(/^utf-8''/i, '');
  return decodeURIComponent(joined);
}
