/** File names built from user text (a guide title, a firm's name) that are safe on every system. */

/** Longest name in UTF-8 bytes: file systems allow 255; leave room for ".pdf" and temp suffixes. */
const maxBytes = 180;

/**
 * Removes path separators, control characters and characters Windows forbids, trims dots and
 * spaces at the ends (Windows drops them), and caps the length without splitting a character.
 */
export function safeFileName(name: string, fallback = 'guide'): string {
  let cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '');
  const encoder = new TextEncoder();
  while (encoder.encode(cleaned).length > maxBytes) cleaned = [...cleaned].slice(0, -1).join('');
  // Windows reserves these names whatever the extension.
  if (cleaned === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned)) return fallback;
  return cleaned;
}
