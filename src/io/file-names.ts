/** File names built from user text (a guide title, a firm's name) that are safe on every system. */

/** Longest name in UTF-8 bytes: file systems allow 255; leave room for ".pdf" and temp suffixes. */
const maxBytes = 180;

/**
 * Windows reserves these device names whatever follows the first dot (`con.pdf`, `COM1.x.docx`),
 * and the superscript digits too.
 */
const windowsReserved = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/** Whether Windows refuses `name` as a file or folder name (`nul`, `con.txt`, `COM1.x`). */
export function isWindowsReservedName(name: string): boolean {
  return windowsReserved.test(name);
}

/**
 * Removes path separators, control characters and characters Windows forbids, trims dots and
 * spaces at the ends (Windows drops them), and caps the length without splitting a character.
 * Linear in the length of `name`, and only its first few hundred characters are looked at: a
 * name longer than a file name can be is cut before any work.
 */
export function safeFileName(name: string, fallback = 'guide'): string {
  // Enough characters for maxBytes even when each is one byte and runs of spaces collapse.
  const head = name.length > maxBytes * 8 ? name.slice(0, maxBytes * 8) : name;
  const cleaned = head
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+/, '');
  let bytes = 0;
  let end = 0;
  for (const char of cleaned) {
    const cp = char.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes > maxBytes) break;
    end += char.length;
  }
  const capped = cleaned.slice(0, end).replace(/[ .]+$/, '');
  if (capped === '' || isWindowsReservedName(capped)) return fallback;
  return capped;
}
