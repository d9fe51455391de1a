import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  manifestCsv,
  manifestCsvPieces,
  manifestJson,
  manifestJsonPieces,
  previousFirms,
  type BatchManifest,
} from '../../src/batch/manifest.js';
import { firmFileBase } from '../../src/batch/plan.js';
import { shardOf } from '../../src/batch/shard.js';
import { Progress } from '../../src/batch/progress.js';
import type { Firm } from '../../src/firms/types.js';

function stream(tty: boolean) {
  const out = { text: '', isTTY: tty, write: (s: string) => void (out.text += s) };
  return out;
}

describe('progress', () => {
  it('prints a plain line at every tenth of the way when not on a terminal', () => {
    const out = stream(false);
    let now = 0;
    const progress = new Progress(out, 20, () => now);
    for (let i = 0; i < 20; i++) {
      now += 500;
      progress.tick(i === 3);
    }
    progress.finish();
    const lines = out.text.trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.equal(lines[0], '2/20 firms (10%), 2.0/s, ETA 0:09');
    assert.equal(lines[1], '4/20 firms (20%), 1 failed, 2.0/s, ETA 0:08');
    assert.equal(lines[9], '20/20 firms (100%), 1 failed, 2.0/s, took 0:10');
    assert.ok(!out.text.includes('\r'));
  });

  it('redraws one line with a bar on a terminal, with messages above it', () => {
    const out = stream(true);
    let now = 0;
    const progress = new Progress(out, 4, () => now);
    now = 1000;
    progress.tick(false);
    progress.message('failed F2 臺商乙: E-TEMPLATE …');
    now = 2000;
    progress.tick(false);
    now = 3000;
    progress.tick(false);
    progress.tick(false);
    progress.finish();
    // The terminal's erase-line sequence is what a redraw starts with.
    // eslint-disable-next-line no-control-regex
    assert.match(out.text, /^\r\x1b\[2K██████░{18} 1\/4 firms \(25%\), 1\.0\/s, ETA 0:03/);
    // eslint-disable-next-line no-control-regex
    assert.match(out.text, /\r\x1b\[2Kfailed F2 臺商乙: E-TEMPLATE …\n\r\x1b\[2K██████░/);
    assert.match(out.text, /█{24} 4\/4 firms \(100%\), 1\.3\/s, took 0:03\n$/);
  });
});

describe('manifest', () => {
  const manifest: BatchManifest = {
    generator: 'guide 0.1.0',
    edition: { title: 't', edition: 'e', date: '2020-03-05' },
    asOf: '2020-03-05',
    letterDate: '2020-03-05',
    formats: ['pdf'],
    firmList: 'firms.csv',
    inputsHash: 'h',
    firms: [
      {
        id: 'A1',
        name: '臺商 "甲", 有限公司',
        contact: '=HYPERLINK("x")',
        email: null,
        status: 'ok',
        measures: ['m1', 'm2'],
        files: [{ format: 'pdf', path: 'A1/a.pdf', bytes: 10, sha256: 'abc', pages: 3 }],
        inputsHash: 'f',
      },
      {
        id: 'A2',
        name: '乙',
        contact: null,
        email: 'b@example.com',
        status: 'failed',
        reason: 'E-X bad',
        measures: [],
        files: [],
        inputsHash: '',
      },
    ],
  };

  it('writes CSV for Excel: BOM, CRLF, quoted fields, no formulas', () => {
    const csv = manifestCsv(manifest);
    assert.equal(
      csv,
      '\uFEFFid,name,contact,email,status,reason,pdf,pdf_bytes,pdf_sha256,docx,docx_bytes,docx_sha256,measures,inputs_hash,row,html,html_bytes,html_sha256\r\n' +
        'A1,"臺商 ""甲"", 有限公司","\'=HYPERLINK(""x"")",,ok,,A1/a.pdf,10,abc,,,,m1;m2,f,,,,\r\n' +
        'A2,乙,,b@example.com,failed,E-X bad,,,,,,,,,,,,\r\n',
    );
  });

  it('writes JSON as JSON.stringify does, in pieces for a long manifest', () => {
    const long: BatchManifest = {
      ...manifest,
      // A title that looks like the firms' key must not be taken for it.
      edition: { ...manifest.edition, title: 'x\n  "firms": 0' },
      firms: Array.from({ length: 2000 }, (_, i) => ({ ...manifest.firms[i % 2]!, id: `F${i}` })),
    };
    for (const m of [manifest, { ...manifest, firms: [] }, long]) {
      assert.equal(manifestJson(m), `${JSON.stringify(m, null, 2)}\n`);
      assert.equal([...manifestJsonPieces(m)].join(''), manifestJson(m));
    }
    const pieces = [...manifestJsonPieces(long)];
    assert.ok(pieces.length > 5 && pieces.every((piece) => piece.length < 70_000), String(pieces.length));
    const csvPieces = [...manifestCsvPieces(long)];
    assert.ok(csvPieces.length > 1);
    assert.equal(csvPieces.join('').split('\r\n').length, 2002);
    assert.equal(csvPieces.join(''), manifestCsv(long));
  });

  it('reads an earlier manifest back, ignoring what is not one', () => {
    const firms = previousFirms(JSON.stringify(manifest));
    assert.deepEqual([...firms.keys()], ['A1', 'A2']);
    assert.equal(previousFirms('{not json').size, 0);
    assert.equal(previousFirms(JSON.stringify({ firms: [{ id: 'x' }] })).size, 0);
    assert.equal(previousFirms(undefined).size, 0);
  });
});

describe('names and shards', () => {
  const firm: Firm = {
    id: 'TW-1',
    name: '臺商/精密: 機械?',
    contact: null,
    honorific: null,
    email: null,
    city: null,
    industries: [],
    size: null,
    exporter: null,
    needs: [],
  };

  it('fills the name pattern and makes it safe as a file name', () => {
    assert.equal(firmFileBase('{企業名稱}-惠企政策指南', firm), '臺商_精密_ 機械_-惠企政策指南');
    assert.equal(firmFileBase('{編號}_{id}_{name}', firm), 'TW-1_TW-1_臺商_精密_ 機械_');
    assert.equal(firmFileBase('...', firm), 'TW-1');
  });

  it('puts a firm in the same shard whatever the case of its id, and spreads firms over shards', () => {
    assert.equal(shardOf(firm, 4), shardOf({ ...firm, id: 'tw-1' }, 4));
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) counts[shardOf({ ...firm, id: `F${i}` }, 4) - 1]!++;
    assert.ok(
      counts.every((count) => count > 60),
      counts.join(','),
    );
  });
});
