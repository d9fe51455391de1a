/**
 * Handing messages to the SMTP server: nodemailer's pooled SMTP transport, a few connections at
 * most, and what each failure means for the message: try again later (4xx, a dropped
 * connection), give up on this firm (5xx), or stop the run (the server cannot be used at all:
 * authentication, TLS, an unknown host).
 */

import { createTransport } from 'nodemailer';
import { redact, type SmtpServer } from './smtp-url.js';

/** What became of one attempt. */
export type SendOutcome =
  { kind: 'sent'; response: string } | { kind: 'temporary' | 'permanent' | 'fatal'; error: string };

/** Hands over ready-made messages. */
export interface MailTransport {
  send(envelope: { from: string; to: string }, raw: Buffer): Promise<SendOutcome>;
  close(): void;
}

/** Errors that say the server cannot be used for any message. */
const fatalCodes = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'EREQUIRETLS', 'EDNS', 'ECONFIG']);

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Sorts a nodemailer error into what to do next. */
export function classifyError(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  const e = (error ?? {}) as SmtpError;
  const text = (e.response ?? e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  if (e.code !== undefined && fatalCodes.has(e.code)) return { kind: 'fatal', error: text };
  const reply = e.responseCode;
  if (reply !== undefined && reply >= 500 && reply < 600) return { kind: 'permanent', error: text };
  // 4xx replies, dropped and timed-out connections, and anything unforeseen: worth another try.
  return { kind: 'temporary', error: text };
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
    async send(envelope, raw) {
      try {
        const info = (await transport.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw })) as {
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
