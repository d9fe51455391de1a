/**
 * Handing messages to the SMTP server: nodemailer's pooled SMTP transport, a few connections at
 * most, and what each failure means for the message: try again later (4xx, a dropped
 * connection), give up on this firm (5xx), or stop the run (the server cannot be used at all:
 * authentication, TLS, an unknown host).
 */

import { Readable } from 'node:stream';
import { createTransport } from 'nodemailer';
import { redact, type SmtpServer } from './smtp-url.js';

/** What became of one attempt. */
export type SendOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'temporary' | 'permanent'; error: string }
  /** `certificate`: the server's TLS certificate is not one this computer trusts. */
  | { kind: 'fatal'; error: string; certificate?: boolean };

/** Hands over ready-made messages. */
export interface MailTransport {
  /**
   * Hands `raw` over. `beforeEnd` runs once the message's last bytes have gone into the
   * connection, before the end of data (the line with a single dot) is written: the server cannot
   * accept the message before it has finished.
   */
  send(envelope: { from: string; to: string }, raw: Buffer, beforeEnd: () => Promise<void>): Promise<SendOutcome>;
  close(): void;
}

/** Errors that say the server cannot be used for any message. */
const fatalCodes = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'EDNS', 'ECONFIG']);

/**
 * Node's codes for a certificate it does not trust (nodemailer keeps them as `originalCode`):
 * untrusted or self-signed chains, expired or not yet valid, or made out to another name.
 * Trying again cannot help.
 */
const certificateCodes =
  /^(?:UNABLE_TO_|SELF_SIGNED_CERT|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_|ERR_TLS_CERT_ALTNAME_INVALID$)/;

interface SmtpError {
  code?: string;
  /** Node's own code when nodemailer files an error under one of its own (ESOCKET). */
  originalCode?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Sorts a nodemailer error into what to do next. */
export function classifyError(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  const e = (error ?? {}) as SmtpError;
  const text = (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  if (e.code !== undefined && fatalCodes.has(e.code)) return { kind: 'fatal', error: text };
  if (certificateCodes.test(e.originalCode ?? e.code ?? '')) return { kind: 'fatal', error: text, certificate: true };
  const reply = e.responseCode;
  if (reply !== undefined && reply >= 500 && reply < 600) return { kind: 'permanent', error: text };
  // 4xx replies, dropped and timed-out connections, and anything unforeseen: worth another try.
  return { kind: 'temporary', error: text };
}

/** Bytes read from the stream a connection holds at most before the server lets it send data. */
const chunkSize = 16 * 1024;

/**
 * The message as a stream, in small chunks so that it is read only as the connection sends it;
 * after the last chunk is taken, `beforeEnd` is awaited before the stream ends, and nodemailer
 * writes the end of data only after the stream has ended.
 */
function messageStream(raw: Buffer, beforeEnd: () => Promise<void>): Readable {
  async function* chunks() {
    for (let start = 0; start < raw.length; start += chunkSize) yield raw.subarray(start, start + chunkSize);
    await beforeEnd();
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: chunkSize });
}

/** The pooled transport to `server`, at most `maxConnections` connections open at once. */
export function smtpTransport(server: SmtpServer, maxConnections: number): MailTransport {
  const transport = createTransport({
    pool: true,
    maxConnections,
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTLS,
    // On this machine without TLS, nodemailer must not try STARTTLS against a test server's self-made certificate.
    ...(server.requireTLS || server.secure ? {} : { ignoreTLS: true }),
    ...(server.user !== undefined ? { auth: { user: server.user, pass: server.password ?? '' } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(envelope, raw, beforeEnd) {
      try {
        const info = (await transport.sendMail({
          envelope: { from: envelope.from, to: [envelope.to] },
          raw: messageStream(raw, beforeEnd),
        })) as {
          response?: string;
        };
        return { kind: 'sent', response: (info.response ?? '').trim() };
      } catch (error) {
        const outcome = classifyError(error);
        return { ...outcome, error: redact(outcome.error, server) };
      }
    },
    close() {
      transport.close();
    },
  };
}
