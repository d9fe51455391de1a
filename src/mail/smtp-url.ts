/**
 * The SMTP server `guide mail` sends through, from `--smtp` or GUIDE_SMTP_URL:
 * `smtps://user:password@host[:465]` (TLS from the start) or `smtp://user@host[:587]` (STARTTLS,
 * required). Only a server on this machine (a loopback address) may be reached without TLS: a
 * password or a firm's guide never crosses a network in clear text. The password is kept out of
 * every message guide prints or writes: `redact` takes it out of any text.
 */

import { isIP } from 'node:net';
import { UsageError } from '../errors.js';
import { mailOptionMessages as say } from '../messages/mail.js';

/** A parsed SMTP URL, password included: never print it, print `shown`. */
export interface SmtpServer {
  host: string;
  port: number;
  /** TLS from the first byte (smtps). */
  secure: boolean;
  /** STARTTLS must succeed before anything is sent (smtp:// to anywhere but this machine). */
  requireTLS: boolean;
  user?: string;
  password?: string;
  /** The URL with the password as `***`. */
  shown: string;
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

/** Hides a URL's password, also in text that is not a valid URL. */
function hidePassword(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/** Parses the URL; a usage error (with the password hidden) when it is not one guide can use. */
export function parseSmtpUrl(value: string): SmtpServer {
  const shown = hidePassword(value.trim());
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new UsageError(say.smtpUrl({ url: shown }));
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '' || url.pathname.length > 1) {
    throw new UsageError(say.smtpUrl({ url: shown }));
  }
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const loopback = isLoopback(url.hostname);
  const user = url.username === '' ? undefined : decodeURIComponent(url.username);
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  return {
    host,
    port,
    secure,
    requireTLS: !secure && !loopback,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
    shown,
  };
}

/** `text` with the server's password, wherever it appears (plain or URL-encoded), replaced by ***. */
export function redact(text: string, server: SmtpServer | undefined): string {
  const password = server?.password;
  if (password === undefined || password === '') return text;
  let out = text;
  for (const form of new Set([password, encodeURIComponent(password)])) out = out.split(form).join('***');
  return out;
}
