/**
 * The preview's session in this process: a firm's guide from a firm list outside the edition
 * folder (watched too), a firm the list lacks reported at the list, and a rebuild after an edit
 * to one measure parsing that file alone.
 */

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { PreviewSession } from '../../src/preview/session.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

const edition = copySampleEdition('preview-session');
const lists = mkdtempSync(path.join(tmpdir(), 'guide-preview-firms-'));
cpSync(path.join(repoRoot, 'test/fixtures/firms/firms.csv'), path.join(lists, 'firms.csv'));
const firms = path.relative(edition, path.join(lists, 'firms.csv'));

after(() => {
  rmSync(edition, { recursive: true, force: true });
  rmSync(lists, { recursive: true, force: true });
});

describe('the preview session', () => {
  it("builds a firm's guide from a list outside the edition folder, and watches the list", async () => {
    assert.match(firms, /^\.\.\//);
    const session = new PreviewSession({ cwd: edition, firm: { id: 'TW-0001', firms } });
    const state = await session.rebuild();
    assert.deepEqual(
      state.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    assert.match(state.html!, /<title>[^<]*臺商精密機械（青島）有限公司/);
    assert.ok(state.watched.map((file) => path.resolve(file)).includes(path.join(lists, 'firms.csv')));
    assert.ok(state.watched.map((file) => path.resolve(file)).includes(path.join(edition, 'templates/letter.md.hbs')));

    editFile(
      path.join(lists, 'firms.csv'),
      'TW-0001,臺商精密機械（青島）有限公司',
      'TW-0001,臺商精密機械（青島）股份有限公司',
    );
    assert.match((await session.rebuild()).html!, /臺商精密機械（青島）股份有限公司/);
  });

  it('reports a firm the list lacks at the list, and serves no page for it', async () => {
    const state = await new PreviewSession({ cwd: edition, firm: { id: 'TW-9999', firms } }).rebuild();
    assert.equal(state.html, undefined);
    const [problem] = state.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(problem?.code, 'E-FIRMS-FILE');
    assert.equal(problem?.file, firms);
    assert.match(problem!.message, /TW-9999/);
  });

  it('after an edit to one measure, parses that file again and no other', async () => {
    const session = new PreviewSession({ cwd: edition });
    const first = await session.rebuild();
    const parsed = (session as unknown as { parsedFiles: Map<string, { parsed: unknown }> }).parsedFiles;
    const before = new Map([...parsed].map(([file, entry]) => [file, entry.parsed]));
    const file = 'policies/tax/tax-small-scale-vat.yaml';
    const text = readFileSync(path.join(edition, file), 'utf8');
    writeFileSync(path.join(edition, file), text.replace(/^title: .*$/m, 'title: 小規模納稅人增值稅減徵（改）'));
    const second = await session.rebuild();
    assert.match(second.html!, /小規模納稅人增值稅減徵（改）/);
    assert.notEqual(second.html, first.html);
    const reparsed = [...parsed].filter(([name, entry]) => before.get(name) !== entry.parsed).map(([name]) => name);
    assert.deepEqual(reparsed, [file]);
  });
});
