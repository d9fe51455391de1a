/**
 * One firm's message as bytes, composed once by nodemailer's MailComposer: what `--dry-run`
 * writes is exactly what is handed to the server. Non-ASCII headers are RFC 2047 encoded words
 * and attachment names RFC 2231 parameters (with an RFC 2047 `name` for older Outlook), which
 * MailComposer does. The Message-ID and the MIME boundaries are derived from the firm and its
 * files, so the same message composes to the same bytes (at the same Date).
 */

import MailComposer from 'nodemailer/lib/mail-composer';
import { sha256Hex } from '../hash.js';
import type { Mailbox } from './address.js';

/** The MIME type of each format guide attaches. */
const contentTypes: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
};

/** What a message is made of. */
export interface MessageParts {
  from: Mailbox;
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  date: Date;
  attachments: { filename: string; format: string; content: Uint8Array }[];
}

/**
 * The Message-ID of a firm's message: the same for the same firm, files and edition, so a message
 * handed over twice (the second time after a crash left the first in doubt) carries one id that
 * mail servers and programs can tell is one message. `sentBefore` counts earlier acceptances of
 * these very files: a deliberate `--resend` is a new message. A test run (`--to`) has ids of its own.
 */
export function messageIdFor(input: {
  firmId: string;
  filesKey: string;
  edition: string;
  sentBefore: number;
  domain: string;
  testAddress?: string;
}): string {
  const seed = JSON.stringify([
    input.firmId,
    input.filesKey,
    input.edition,
    input.sentBefore,
    input.testAddress ?? null,
  ]);
  return `<guide.${sha256Hex(seed).slice(0, 32)}@${input.domain}>`;
}

/** The message's bytes, as sent. */
export async function composeMessage(parts: MessageParts): Promise<Buffer> {
  const composer = new MailComposer({
    from: { name: parts.from.name, address: parts.from.address },
    ...(parts.replyTo !== undefined ? { replyTo: parts.replyTo } : {}),
    to: parts.to,
    subject: parts.subject,
    text: parts.text,
    html: parts.html,
    messageId: parts.messageId,
    date: parts.date,
    // MailComposer makes random boundaries by default; these depend on the message alone.
    baseBoundary: sha256Hex(`boundary ${parts.messageId}`).slice(0, 16),
    attachments: parts.attachments.map((file) => ({
      filename: file.filename,
      content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
      contentType: contentTypes[file.format] ?? 'application/octet-stream',
    })),
  });
  return composer.compile().build();
}
