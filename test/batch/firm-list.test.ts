import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { formatDiagnostic, formatLocation } from '../../src/diagnostics/format.js';
import { fieldOfHeader } from '../../src/firms/columns.js';
import { readFirmList, type FirmList } from '../../src/firms/read.js';
import { repoRoot } from '../helpers/paths.js';
import { makeXlsx } from './xlsx-fixture.js';

const vocabularies = {
  industries: {
    manufacturing: '製造業',
    food: '食品',
    electronics: '電子資訊',
    machinery: '裝備製造',
    textiles: '紡織服裝',
    chemicals: '化工',
  },
  needs: {
    financing: '融資困難',
    labour: '用工緊張',
    logistics: '物流不暢',
    costs: '經營成本高',
    market: '市場訂單減少',
    supplies: '防疫物資短缺',
  },
};
const fixtures = path.join(repoRoot, 'test/fixtures/firms');
const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (file: string, bytes: Uint8Array, sheet?: string) =>
  readFirmList(file, bytes, { vocabularies, ...(sheet !== undefined ? { sheet } : {}) });

/** Each diagnostic as `file:line:col code message` (or `file code message` without a range). */
function located(list: FirmList, file: string): string[] {
  const sources = new Map(list.text !== undefined ? [[file, list.text]] : []);
  return list.diagnostics.map((d) => `${formatLocation(d.file, d.range, sources)} ${d.code} ${d.message}`);
}

const header = '編號,企業名稱,聯繫人,電子郵箱,所在城市,行業,規模,是否出口,困難訴求';

describe('firm lists: CSV', () => {
  it('reads UTF-8 without a BOM, with quoted fields, CRLF and Chinese labels as values', async () => {
    const text = `${header},稱謂\r\nA1,"臺商 ""精密"" 機械",王小明,wang@example.com.tw,青島市,裝備製造,中型,是,"融資困難；物流不暢",先生\r\nA2,福味食品,,,,food,small,否,labour;costs,\r\n`;
    const list = await read('firms.csv', utf8(text));
    assert.deepEqual(list.diagnostics, []);
    assert.equal(list.encoding, 'utf-8');
    assert.deepEqual(
      list.rows.map((r) => r.firm),
      [
        {
          id: 'A1',
          name: '臺商 "精密" 機械',
          contact: '王小明',
          honorific: '先生',
          email: 'wang@example.com.tw',
          city: '青島市',
          industries: ['machinery'],
          size: 'medium',
          exporter: true,
          needs: ['financing', 'logistics'],
        },
        {
          id: 'A2',
          name: '福味食品',
          contact: null,
          honorific: null,
          email: null,
          city: null,
          industries: ['food'],
          size: 'small',
          exporter: false,
          needs: ['labour', 'costs'],
        },
      ],
    );
    assert.deepEqual(
      list.rows.map((r) => r.label),
      ['row 2', 'row 3'],
    );
  });

  it('reads UTF-8 with a BOM (Excel "CSV UTF-8")', async () => {
    const list = await read('firms.csv', utf8(`\uFEFF${header}\nB1,鴻達電子,,,,電子資訊,大型,是,市場訂單減少\n`));
    assert.deepEqual(list.diagnostics, []);
    assert.equal(list.rows[0]!.firm.id, 'B1');
    assert.equal(list.rows[0]!.firm.size, 'large');
    assert.ok(!list.text!.startsWith('\uFEFF'));
  });

  it('reads GB18030 (Excel "CSV" on Chinese Windows): not valid UTF-8, so decoded as GB18030', async () => {
    const file = path.join(fixtures, 'firms-gb18030.csv');
    const list = await read('firms-gb18030.csv', readFileSync(file));
    assert.equal(list.encoding, 'gb18030');
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.name, r.firm.industries, r.firm.needs]),
      [
        ['GB-001', '臺商紡織（臨沂）有限公司', ['textiles'], ['market', 'financing']],
        ['GB-002', '鑫源化工（淄博）有限公司', ['chemicals'], ['supplies']],
      ],
    );
  });

  it('reads a list in Simplified characters: headers and labels name the same fields and codes', async () => {
    const file = path.join(fixtures, 'firms-simplified-gb18030.csv');
    const list = await read('firms-simplified-gb18030.csv', readFileSync(file));
    assert.equal(list.encoding, 'gb18030');
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.industries, r.firm.size, r.firm.exporter, r.firm.needs]),
      [
        ['SC-001', ['machinery', 'textiles'], 'medium', true, ['financing', 'logistics']],
        ['SC-002', ['food'], 'small', false, ['labour', 'costs']],
      ],
    );
    // Characters are mapped, not wording: a mainland phrase for a label is still unknown.
    const other = await read('firms.csv', utf8(`${header}\nSC-3,甲公司,,,,电子信息,,,\n`));
    assert.equal(other.diagnostics[0]!.code, 'E-FIRM-CODE-UNKNOWN');
  });

  it('reads UTF-16 with a BOM, tab-separated (Excel "Unicode text")', async () => {
    const text = `\uFEFF編號\t企業名稱\t規模\r\nC1\t臺商甲公司\t微型\r\n`;
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[i * 2] = text.charCodeAt(i) & 0xff;
      bytes[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const list = await read('firms.txt', bytes);
    assert.equal(list.encoding, 'utf-16le');
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.size]),
      [['C1', 'micro']],
    );
  });

  it('picks the separator that splits every line alike, not the one written most', async () => {
    // Eight semicolons inside the needs column, six commas: still a comma-separated file.
    const text =
      '編號,企業名稱,困難訴求\nS1,甲,financing;labour;logistics;costs;market\nS2,乙,market;supplies;financing;labour;costs\n';
    const list = await read('firms.csv', utf8(text));
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.needs]),
      [
        ['S1', ['financing', 'labour', 'logistics', 'costs', 'market']],
        ['S2', ['market', 'supplies', 'financing', 'labour', 'costs']],
      ],
    );
    // And the other way round: semicolon-separated, with commas inside a quoted name.
    const semi = '編號;企業名稱;困難訴求\nS1;"甲,乙,丙,丁";financing\n';
    assert.deepEqual(
      (await read('firms.csv', utf8(semi))).rows.map((r) => [r.firm.id, r.firm.name]),
      [['S1', '甲,乙,丙,丁']],
    );
  });

  it('finds the header below a title line and ignores blank rows', async () => {
    const text = `2020年臺資企業名單,,\n\nid,name,size\nD1,臺商乙公司,small\n,,\nD2,臺商丙公司,\n`;
    const list = await read('firms.csv', utf8(text));
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.label, r.firm.id]),
      [
        ['row 4', 'D1'],
        ['row 6', 'D2'],
      ],
    );
  });
});

describe('firm lists: header aliases', () => {
  const cases: [string, string | undefined][] = [
    ['id', 'id'],
    ['ID', 'id'],
    ['編號', 'id'],
    ['编号', 'id'],
    ['企業名稱（必填）', 'name'],
    ['*企业名称', 'name'],
    ['Name', 'name'],
    ['聯繫人', 'contact'],
    ['稱謂', 'honorific'],
    ['称谓', 'honorific'],
    ['Honorific', 'honorific'],
    ['E-mail', 'email'],
    ['電子郵箱', 'email'],
    ['邮箱', 'email'],
    ['所在城市', 'city'],
    ['行业', 'industry'],
    ['規模', 'size'],
    ['是否出口', 'exporter'],
    ['困難訴求', 'needs'],
    ['困难诉求', 'needs'],
    ['備註', undefined],
  ];
  for (const [text, field] of cases) {
    it(`"${text}" → ${field ?? 'not a firm column'}`, () => assert.equal(fieldOfHeader(text), field));
  }
});

describe('firm lists: bad rows', () => {
  const text = [
    '編號,企業名稱,電子郵箱,行業,規模,是否出口,困難訴求,emial',
    'E1,好公司,ok@example.com,製造業,小型,是,融資困難,',
    'E2,壞郵箱公司,not-an-address,製造業,,,,',
    'E3,錯行業公司,,製造,,,,',
    'E1,重複編號公司,,,,,,',
    'E5,,,,,,,',
    'E6,錯訴求公司,,,巨型,也許,融資難；物流不暢,',
    'E7,另一家好公司,,,,,,',
  ].join('\n');

  it('reports each problem at its row and column, skips the bad rows and keeps the rest', async () => {
    const list = await read('firms.csv', utf8(text));
    assert.deepEqual(
      list.rows.map((r) => r.firm.id),
      ['E1', 'E7'],
    );
    assert.deepEqual(located(list, 'firms.csv'), [
      'firms.csv:1:30 W-FIRM-COLUMN-UNKNOWN row 1, column H: column "emial" is not a firm field; it is ignored',
      'firms.csv:3:10 E-FIRM-EMAIL row 3, column C (電子郵箱): "not-an-address" is not an email address',
      'firms.csv:4:11 E-FIRM-CODE-UNKNOWN row 4, column D (行業): unknown industry "製造" (did you mean 製造業 (manufacturing)?)',
      'firms.csv:5:1 E-FIRM-ID-DUPLICATE row 5, column A (編號): id "E1" is already used by row 2',
      'firms.csv:6:4 E-FIRM-REQUIRED row 6, column B (企業名稱): 企業名稱 (name) is empty',
      'firms.csv:7:12 E-FIRM-VALUE row 7, column E (規模): 規模 "巨型" is not a firm size',
      'firms.csv:7:15 E-FIRM-VALUE row 7, column F (是否出口): 是否出口 "也許" is neither yes nor no',
      'firms.csv:7:18 E-FIRM-CODE-UNKNOWN row 7, column G (困難訴求): unknown need "融資難" (did you mean 融資困難 (financing)?)',
    ]);
    const unknownColumn = list.diagnostics[0]!;
    assert.equal(unknownColumn.severity, 'warning');
    assert.equal(unknownColumn.hint, 'did you mean "email"?');
    // The code frame points at the cell.
    const frame = formatDiagnostic(list.diagnostics[2]!, new Map([['firms.csv', list.text!]]));
    assert.match(frame, /> 4 \| E3,錯行業公司,,製造,,,,\n\s+\|\s+\^\^\^\^/);
    // What could be read of a rejected row stays, for the manifest.
    assert.deepEqual(
      list.rejected.map((r) => [r.label, r.id]),
      [
        ['row 3', 'E2'],
        ['row 4', 'E3'],
        ['row 5', null],
        ['row 6', 'E5'],
        ['row 7', 'E6'],
      ],
    );
  });

  it('refuses a list without an id or name column, or without a header row', async () => {
    const noName = await read('firms.csv', utf8('編號,聯繫人\nF1,王先生\n'));
    assert.deepEqual(
      noName.diagnostics.map((d) => `${d.code} ${d.message}`),
      ['E-FIRMS-FILE the list has no 企業名稱 (name) column'],
    );
    const noHeader = await read('firms.csv', utf8('F1,臺商公司\nF2,另一家\n'));
    assert.match(noHeader.diagnostics[0]!.message, /no header row/);
    const old = await read('firms.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    assert.match(old.diagnostics[0]!.message, /Excel 97–2003/);
  });

  it('refuses ids that cannot name a folder', async () => {
    const list = await read(
      'firms.csv',
      utf8('id,name\n../etc,甲\nCON,乙\n"a b",丙\n臺商-01,丁\ncon.txt,戊\nNul.pdf,己\nCOM¹,庚\nconsole,辛\n'),
    );
    assert.deepEqual(
      list.rows.map((r) => r.firm.id),
      ['臺商-01', 'console'],
    );
    assert.deepEqual(
      list.diagnostics.map((d) => d.code),
      ['E-FIRM-ID', 'E-FIRM-ID', 'E-FIRM-ID', 'E-FIRM-ID', 'E-FIRM-ID', 'E-FIRM-ID'],
    );
  });
});

describe('firm lists: XLSX', () => {
  it('reads the first sheet: numbers, true/false and a title row above the header', async () => {
    const bytes = makeXlsx([
      {
        name: '名單',
        rows: [
          ['2020年臺資企業名單'],
          [],
          ['編號', '企業名稱', '規模', '是否出口', '困難訴求'],
          [1001, '臺商精密機械', '中型', true, '融資困難；物流不暢'],
          [1002, '福味食品', 'small', false, null],
        ],
      },
      { name: '說明', rows: [['這張表不是名單']] },
    ]);
    const list = await read('firms.xlsx', bytes);
    assert.deepEqual(list.diagnostics, []);
    assert.equal(list.text, undefined);
    assert.deepEqual(
      list.rows.map((r) => [r.label, r.firm.id, r.firm.name, r.firm.size, r.firm.exporter, r.firm.needs]),
      [
        ['row 4', '1001', '臺商精密機械', 'medium', true, ['financing', 'logistics']],
        ['row 5', '1002', '福味食品', 'small', false, []],
      ],
    );
  });

  it('reads the sheet --sheet names, and says which sheets there are when it is not there', async () => {
    const bytes = makeXlsx([
      { name: '說明', rows: [['請見第二張表']] },
      {
        name: '名單',
        rows: [
          ['id', 'name', 'industry'],
          ['X1', '臺商甲', 'electronics'],
        ],
      },
    ]);
    const list = await read('firms.xlsx', bytes, '名單');
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.industries]),
      [['X1', ['electronics']]],
    );
    const missing = await read('firms.xlsx', bytes, '名册');
    assert.deepEqual(
      missing.diagnostics.map((d) => [d.code, d.message, d.hint]),
      [['E-FIRMS-FILE', 'the workbook has no sheet named "名册"', 'its sheets are: 說明, 名單']],
    );
  });

  it('names row and column (letter and header) in messages, since a workbook has no text', async () => {
    const bytes = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['id', 'name', 'email', 'industry'],
          ['X1', '臺商甲', 'x@@example', 'electronics'],
          ['X2', '臺商乙', null, '電子'],
        ],
      },
    ]);
    const list = await read('firms.xlsx', bytes);
    assert.deepEqual(located(list, 'firms.xlsx'), [
      'firms.xlsx E-FIRM-EMAIL row 2, column C (email): "x@@example" is not an email address',
      'firms.xlsx E-FIRM-CODE-UNKNOWN row 3, column D (industry): unknown industry "電子" (did you mean 電子資訊 (electronics)?)',
    ]);
  });

  it('fills a merged cell from the merge and says so, naming the range', async () => {
    const sheet = {
      name: '名單',
      rows: [
        ['2020年臺資企業名單', null, null, null],
        [],
        ['編號', '企業名稱', '所在城市', '困難訴求'],
        ['M1', '臺商甲', '青島市', 'financing'],
        ['M2', '臺商乙', null, 'labour'],
        ['M3', '臺商丙', null, 'costs'],
        ['M4', '臺商丁', '煙臺市', null],
      ],
      // The title across the columns (above the header: not read, so not said) and a city down three rows.
      merges: ['A1:D1', 'C4:C6'],
    };
    const bytes = makeXlsx([{ name: '說明', rows: [['見下一張表']], merges: ['A1:A9'] }, sheet]);
    const list = await read('firms.xlsx', bytes, '名單');
    assert.deepEqual(located(list, 'firms.xlsx'), [
      'firms.xlsx W-FIRM-MERGED cells C4:C6 are merged: each is read as holding the value of C4 ("青島市")',
    ]);
    assert.equal(list.diagnostics[0]!.severity, 'warning');
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.city]),
      [
        ['M1', '青島市'],
        ['M2', '青島市'],
        ['M3', '青島市'],
        ['M4', '煙臺市'],
      ],
    );
  });

  it('does not read a header merged down over two rows as a firm', async () => {
    const bytes = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['編號', '企業名稱', '聯繫方式', null],
          [null, null, '聯繫人', '電子郵箱'],
          ['H1', '臺商甲', '王小明', 'wang@example.com.tw'],
        ],
        merges: ['A1:A2', 'B1:B2', 'C1:D1'],
      },
    ]);
    const list = await read('firms.xlsx', bytes);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.id, r.firm.name]),
      [['H1', '臺商甲']],
    );
    // The second header row is a row without id or name: said, not read as a firm called 編號.
    assert.deepEqual(
      list.diagnostics.map((d) => d.code),
      ['W-FIRM-COLUMN-UNKNOWN', 'E-FIRM-REQUIRED', 'E-FIRM-REQUIRED'],
    );
  });

  it('says so when the file is not a workbook', async () => {
    const list = await read('firms.xlsx', utf8('id,name\n'));
    assert.equal(list.diagnostics[0]!.code, 'E-FIRMS-FILE');
    assert.match(list.diagnostics[0]!.message, /could not be read as an Excel workbook/);
  });
});

describe('firm lists: YAML', () => {
  it('reads a list of firms with English or Chinese keys, lists or separated text', async () => {
    const file = path.join(fixtures, 'firms.yaml');
    const list = await read('firms.yaml', readFileSync(file));
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.label, r.firm.id, r.firm.size, r.firm.exporter, r.firm.needs]),
      [
        ['firm 1', 'YM-001', 'medium', true, ['financing', 'logistics']],
        ['firm 2', 'YM-002', 'small', false, ['labour', 'costs']],
      ],
    );
  });

  it('points at the value in the YAML text', async () => {
    const text = 'firms:\n  - id: Y1\n    name: 臺商甲\n    industry: 製造\n    notes: 無\n';
    const list = await read('firms.yml', utf8(text));
    assert.deepEqual(located(list, 'firms.yml'), [
      'firms.yml:5:5 W-FIRM-COLUMN-UNKNOWN firm 1: "notes" is not a firm field; it is ignored',
      'firms.yml:4:15 E-FIRM-CODE-UNKNOWN firm 1, industry: unknown industry "製造" (did you mean 製造業 (manufacturing)?)',
    ]);
  });

  it('reads an alias to a value or a list as the value it names', async () => {
    const text =
      'shared: &n [financing, 物流不暢]\none: &f food\nfirms:\n  - id: Y1\n    name: 甲\n    needs: *n\n    industry: [*f]\n';
    const list = await read('firms.yml', utf8(text));
    assert.deepEqual(list.diagnostics, []);
    assert.deepEqual(
      list.rows.map((r) => [r.firm.needs, r.firm.industries]),
      [[['financing', 'logistics'], ['food']]],
    );
  });

  it('refuses an alias that names no anchor, in plain words', async () => {
    const list = await read('firms.yml', utf8('firms:\n  - id: Y1\n    name: 甲\n    needs: *n\n'));
    assert.deepEqual(located(list, 'firms.yml'), [
      'firms.yml:4:12 E-YAML-ALIAS-UNKNOWN the alias *n names no anchor: no value before it is marked &n',
    ]);
  });

  it('refuses a value of any other shape at its place, and leaves the firm out', async () => {
    const text = [
      'firms:',
      '  - id: Y1',
      '    name: 甲',
      '    needs: [[financing]]',
      '  - id: Y2',
      '    name: 乙',
      '    industry: {code: food}',
      '  - id: Y3',
      '    name: 丙',
      '    needs: &a [*a]',
      '  - id: Y4',
      '    name: [丁, 戊]',
      '  - just a name',
      '  - id: Y6',
      '    name: 己',
      '',
    ].join('\n');
    const list = await read('firms.yml', utf8(text));
    assert.deepEqual(located(list, 'firms.yml'), [
      'firms.yml:4:12 E-FIRM-VALUE firm 1, needs: holds a list or a group of keys inside its list',
      'firms.yml:7:15 E-FIRM-VALUE firm 2, industry: holds a group of keys (code), not a value',
      'firms.yml:10:15 E-FIRM-VALUE firm 3, needs: the alias *a refers to the list that holds it',
      'firms.yml:12:11 E-FIRM-VALUE firm 4, name: holds a list; this field takes one value',
      'firms.yml:13:5 E-FIRMS-FILE firm 5 is not a group of fields',
    ]);
    assert.deepEqual(
      list.rows.map((r) => r.firm.id),
      ['Y6'],
    );
    assert.deepEqual(
      list.rejected.map((r) => [r.number, r.id]),
      [
        [1, 'Y1'],
        [2, 'Y2'],
        [3, 'Y3'],
        [4, 'Y4'],
        [5, null],
      ],
    );
  });
});
