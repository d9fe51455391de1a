/**
 * Text from users (a firm list's cells, a measure's title, a file's lines) must never drive the
 * terminal: an escape sequence in a cell could retitle the window, clear the screen or hide what
 * follows. Control characters are shown escaped (`\u001b`), in user text as it is placed into a
 * message and again on the way out, where only guide's own colours and line clearing may pass.
 */

import type { OutputStream } from './io.js';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/**
 * What guide writes itself and may pass: SGR colours (report.ts), erase-line and carriage return (the
 * progress bar); any other control character is escaped.
 */
// eslint-disable-next-line no-control-regex -- the escape sequences guide writes, and every other control
const terminalPattern = /\u001b\[[0-9;]*[mK]|\r|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escaped(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `text` with every control character but tab and newline written as a `\u001b`-style escape. */
export function escapeControls(text: string): string {
  return text.replace(controls, escaped);
}

/** `text` as `escapeControls` gives it, except the colour and erase-line sequences guide itself writes. */
export function terminalSafe(text: string): string {
  return text.replace(terminalPattern, (found) => (found.length > 1 || found === '\r' ? found : escaped(found)));
}

/** A stream that writes only terminal-safe text. */
export function safeStream<S extends OutputStream>(stream: S): S {
  return Object.assign(Object.create(stream) as S, {
    write: (text: string) => stream.write(terminalSafe(text)),
  });
}
