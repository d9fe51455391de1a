/**
 * Bytes of a CSV firm list → text. Excel saves CSV as UTF-8 with a byte-order mark ("CSV UTF-8"),
 * as GB18030 on Chinese Windows ("CSV"), or as UTF-16 with a BOM ("Unicode text"); other tools
 * write UTF-8 without a BOM. Without a BOM, text that is valid UTF-8 is UTF-8: GB18030 text of
 * any length is almost never valid UTF-8, while the reverse does not hold.
 */

export type TextEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The decoded text (without a BOM) and the encoding it was read as. */
export function decodeFirmText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // GB18030 maps every byte sequence to some character, so this never fails.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
