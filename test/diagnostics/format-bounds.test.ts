import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import { boundRepeats, formatDiagnostic, positionAt } from '../../src/diagnostics/format.js';
import { terminalSafe } from '../../src/terminal/safe-output.js';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition } from '../helpers/edition.js';

/** The plain definition: count newlines before the offset, then code points since the last one. */
function naivePosition(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...text.slice(lineStart, offset)].length + 1 };
}

describe('diagnostic positions and code frames', () => {
  it('finds line and column as the plain definition does, astral characters and CRLF included', () => {
    for (const text of ['', 'a', 'ab\ncd\r\nef\n', '𠀀x\n\n𠀁y𠀂z\n', '\n\n\n', '行一\n行二𠀀\r\n']) {
      for (let offset = 0; offset <= text.length; offset++)
        assert.deepEqual(positionAt(text, offset), naivePosition(text, offset), `${JSON.stringify(text)} @${offset}`);
    }
  });

  it('cuts a long line to a window around the column, caret under the problem', () => {
    const line = Array.from({ length: 20_000 }, (_, i) => `x${i}`).join(',');
    const text = `header\n${line}\nnext\n`;
    const at = text.indexOf('x12345');
    const d = diagnostic('W-FIRM-COLUMN-UNKNOWN', 'column "x12345" is not a firm field', {
      file: 'wide.csv',
      range: [at, at + 'x12345'.length],
    });
    const printed = formatDiagnostic(d, new Map([['wide.csv', text]]));
    const lines = printed.split('\n');
    assert.ok(
      lines.every((l) => l.length < 160),
      `longest line ${Math.max(...lines.map((l) => l.length))}`,
    );
    const frameLine = lines.find((l) => l.startsWith('> 2 | '))!;
    const caretLine = lines[lines.indexOf(frameLine) + 1]!;
    assert.match(frameLine, /^> 2 \| …/);
    assert.ok(frameLine.endsWith('…'));
    const caretAt = caretLine.indexOf('^');
    assert.equal(frameLine.slice(caretAt, caretAt + 6), 'x12345');
    assert.equal(caretLine.slice(caretAt), '^^^^^^');
  });

  it('shows control characters of the file and the message escaped', () => {
    const text = 'title: "\u001b]0;PWNED\u0007\u001b[2J"\n';
    const d = diagnostic('E-TYPE', 'title: "\u001b]0;PWNED\u0007"', {
      file: 'm.yaml',
      range: [8, 20],
      hint: 'x\u0000y',
    });
    const printed = formatDiagnostic(d, new Map([['m.yaml', text]]));
    // eslint-disable-next-line no-control-regex -- no control character but the newline may be printed
    assert.doesNotMatch(printed, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(printed, /\\u001b\]0;PWNED\\u0007\\u001b\[2J/);
    assert.match(printed, /hint: x\\u0000y/);
  });

  it("lets guide's own colours and line clearing through the terminal, and nothing else", () => {
    assert.equal(terminalSafe('\u001b[31mred\u001b[39m\r\u001b[2K'), '\u001b[31mred\u001b[39m\r\u001b[2K');
    assert.equal(terminalSafe('a\u001b]0;t\u0007b\u001b[2Jc\u009b1m'), 'a\\u001b]0;t\\u0007b\\u001b[2Jc\\u009b1m');
  });

  it('prints the first ten diagnostics of a code in a file and counts the rest', () => {
    const list = Array.from({ length: 25 }, (_, i) =>
      diagnostic('W-FIRM-COLUMN-UNKNOWN', `column ${i}`, { file: i < 22 ? 'a.csv' : 'b.csv' }),
    );
    const { shown, omitted } = boundRepeats(list);
    assert.equal(shown.length, 13);
    assert.deepEqual(omitted, [{ code: 'W-FIRM-COLUMN-UNKNOWN', file: 'a.csv', count: 12 }]);
  });
});

describe('user text on the terminal', () => {
  it('never lets a firm list drive the terminal', async () => {
    const dir = copySampleEdition('esc');
    try {
      writeFileSync(path.join(dir, 'esc.csv'), '編號,企業名稱,聯繫人\nE-02,公司,\u001b]0;PWNED\u0007\u001b[2J\n');
      const run = await runCli(['batch', '--firms', 'esc.csv', '--explain', 'E-02'], { cwd: dir, tty: true });
      // eslint-disable-next-line no-control-regex -- a raw escape or bell would reach the terminal
      assert.doesNotMatch(run.stderr + run.stdout, /\u001b\]|\u0007|\u001b\[2J/);
      assert.match(run.stderr, /\\u001b\]0;PWNED\\u0007/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
