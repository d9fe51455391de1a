import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { styleFor } from '../../src/terminal/report.js';

/**
 * Each style applied to texts with line breaks (LF and CRLF), styles already inside and nothing
 * at all, as chalk 5 wrote them when guide used it: [style, text, styled text], a JSON array a line.
 */
const golden = new URL('../golden/terminal/styles.jsonl', import.meta.url);
const cases = readFileSync(golden, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as ['error' | 'warning' | 'dim' | 'bold' | 'ok', string, string]);

const terminal = { isTTY: true, write: () => true };
const pipe = { isTTY: false, write: () => true };

describe('terminal styles', () => {
  it('writes the bytes chalk wrote, where colours are wanted', () => {
    const style = styleFor(terminal, {});
    assert.equal(cases.length, 35);
    for (const [name, text, styled] of cases)
      assert.equal(style[name](text), styled, `${name} ${JSON.stringify(text)}`);
  });

  it('colours wherever FORCE_COLOR asks for them', () => {
    for (const [stream, env] of [
      [pipe, { FORCE_COLOR: '1' }],
      [pipe, { FORCE_COLOR: '' }],
      [pipe, { FORCE_COLOR: 'true' }],
      [terminal, { TERM: 'dumb', FORCE_COLOR: '3' }],
      [terminal, { FORCE_COLOR: 'yes' }],
    ] as const) {
      const style = styleFor(stream, env);
      for (const [name, text, styled] of cases)
        assert.equal(style[name](text), styled, `${JSON.stringify(env)} ${name}`);
    }
  });

  it('leaves text as it is where they are not', () => {
    for (const [stream, env] of [
      [pipe, {}],
      [terminal, { NO_COLOR: '1' }],
      [terminal, { NO_COLOR: '1', FORCE_COLOR: '1' }],
      [terminal, { TERM: 'dumb' }],
      [terminal, { FORCE_COLOR: '0' }],
      [terminal, { FORCE_COLOR: 'false' }],
      [pipe, { FORCE_COLOR: 'yes' }],
    ] as const) {
      const style = styleFor(stream, env);
      for (const [name, text] of cases) assert.equal(style[name](text), text);
    }
  });
});
