/**
 * Email addresses as guide accepts them: a firm's address (a bare address), and guide.yaml's
 * sender (`山東省委臺港澳辦 <service@example.gov.cn>` or a bare address). Deliberately narrower
 * than RFC 5322: what office staff type into a spreadsheet, without comments or quoted parts.
 */

const addressPattern = /^[^\s@,;<>()"]+@[^\s@,;<>()"]+\.[^\s@,;<>()".]+$/;

/** Whether `value` is one plain email address (`wang@example.com.tw`). */
export function isEmailAddress(value: string): boolean {
  return addressPattern.test(value);
}

/** A sender or recipient: a display name (maybe empty) and the address. */
export interface Mailbox {
  name: string;
  address: string;
}

/** `名稱 <addr>` or `addr` → the mailbox; undefined when it is neither. */
export function parseMailbox(value: string): Mailbox | undefined {
  const text = value.trim();
  const named = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  const name = named ? named[1]!.trim().replace(/^"(.*)"$/, '$1') : '';
  const address = named ? named[2]!.trim() : text;
  if (!isEmailAddress(address) || /[<>"\r\n]/.test(name)) return undefined;
  return { name, address };
}
