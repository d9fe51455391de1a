/** Everything a person reads on the terminal goes through here; the only module that colours text. */

import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { boundRepeats, diagnosticToJson, formatDiagnostic, summarize, type TextStyle } from '../diagnostics/format.js';
import { reportMessages as say } from '../messages/report.js';
import { escapeControls } from './safe-output.js';
import { useColor, type CliIo, type OutputStream } from './io.js';

export interface Reporter {
  /** Human messages (progress, summaries) go to stderr so stdout stays for data. */
  info(text: string): void;
  /** Data (tables, JSON, schema) for the user or a pipe. */
  out(text: string): void;
  /** Styles for stderr text. */
  style: TextStyle & { ok(text: string): string };
  /** Styles for stdout text (a pipe gets none even when stderr is a terminal). */
  outStyle: TextStyle & { ok(text: string): string };
  /**
   * Prints diagnostics with code frames (text, on stderr) or as one JSON document (json, on
   * stdout); `extra` adds keys to that document (the build manifest with `--json`).
   */
  diagnostics(
    list: readonly Diagnostic[],
    sources: ReadonlyMap<string, string>,
    options: { format: 'text' | 'json'; root: string; extra?: Record<string, unknown> },
  ): void;
}

/** A terminal style: the SGR codes that turn it on and off. */
interface Sgr {
  on: string;
  off: string;
}

const sgr = (on: number, off: number): Sgr => ({ on: `\u001b[${on}m`, off: `\u001b[${off}m` });
const red = sgr(31, 39);
const yellow = sgr(33, 39);
const green = sgr(32, 39);
const bold = sgr(1, 22);
const dim = sgr(2, 22);

/**
 * `text` in `styles` (outermost first), in the bytes chalk wrote, which guide used before: a
 * style turned off inside `text` is turned on again after, and every line break is wrapped in
 * the styles' ends and starts, so a terminal or pager that shows a line alone shows it styled.
 * Written here rather than loaded: chalk's import of node:process makes the standard streams,
 * and its colour detection loads node's tty (with net) and os modules, for every command.
 */
function styled(text: string, styles: readonly Sgr[]): string {
  if (text === '') return text;
  let inner = text;
  if (inner.includes('\u001b')) {
    for (const style of styles.toReversed()) inner = inner.replaceAll(style.off, style.off + style.on);
  }
  const on = styles.map((style) => style.on).join('');
  const off = styles
    .toReversed()
    .map((style) => style.off)
    .join('');
  return on + inner.replace(/\r?\n/g, (lineBreak) => off + lineBreak + on) + off;
}

/** The styles of text for `stream`: SGR colours (the 16 every terminal has) where it takes them. */
export function styleFor(stream: OutputStream, env: CliIo['env']) {
  const style = useColor(stream, env)
    ? (...styles: Sgr[]) =>
        (t: string) =>
          styled(t, styles)
    : () => (t: string) => t;
  return {
    error: style(red, bold),
    warning: style(yellow, bold),
    dim: style(dim),
    bold: style(bold),
    ok: style(green),
  };
}

export function createReporter(io: CliIo): Reporter {
  const style = styleFor(io.stderr, io.env);
  return {
    info: (text) => void io.stderr.write(`${text}\n`),
    out: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    style,
    outStyle: styleFor(io.stdout, io.env),
    diagnostics(list, sources, { format, root, extra }) {
      // Paths are shown relative to where the user stands, so terminals can open them. Names in
      // parentheses are texts held in memory (a template's rendered Markdown), not files.
      const shown = (file: string) =>
        file.startsWith('(') ? file : path.relative(io.cwd, path.resolve(root, file)) || file;
      const remap = (d: Diagnostic): Diagnostic => ({
        ...d,
        ...(d.file !== undefined ? { file: shown(d.file) } : {}),
        ...(d.related ? { related: d.related.map((r) => ({ ...r, file: shown(r.file) })) } : {}),
      });
      const shownSources = new Map([...sources].map(([file, text]) => [shown(file), text]));
      const remapped = list.map(remap);
      if (format === 'json') {
        const errors = list.filter((d) => d.severity === 'error').length;
        const json = {
          errors,
          warnings: list.length - errors,
          diagnostics: remapped.map((d) => diagnosticToJson(d, shownSources)),
          ...extra,
        };
        io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      const { shown: printed, omitted } = boundRepeats(remapped);
      for (const d of printed) io.stderr.write(`${formatDiagnostic(d, shownSources, style)}\n\n`);
      for (const { code, file, count } of omitted)
        io.stderr.write(
          `${file === undefined ? say.more({ count, code }) : say.moreInFile({ count, code, file: escapeControls(file) })}\n\n`,
        );
      io.stderr.write(`${summarize(list)}\n`);
    },
  };
}
