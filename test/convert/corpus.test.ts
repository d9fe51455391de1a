import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createConverter } from '../../src/convert/converter.js';

/** corpus.txt: `Simplified => expected Taiwan Traditional`, written by hand (see its header). */
const corpus = readFileSync(new URL('./corpus.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.includes(' => ') && !line.startsWith('#'))
  .map((line) => {
    const [simplified, traditional] = line.split(' => ') as [string, string];
    return { simplified, traditional };
  });

describe('Simplified → Taiwan Traditional: the administrative corpus', () => {
  const ours = createConverter();
  const plain = createConverter({ plain: true });

  it('has at least 200 sentences', () => {
    assert.ok(corpus.length >= 200, `${corpus.length} sentences`);
  });

  it('our converter gets every sentence right', () => {
    const wrong = corpus.filter((c) => ours(c.simplified) !== c.traditional);
    assert.deepEqual(
      wrong.map((c) => `${c.simplified} → ${ours(c.simplified)} (expected ${c.traditional})`),
      [],
    );
  });

  it('plain OpenCC (cn → twp) gets far fewer right: the reason for our dictionary', (t) => {
    const right = corpus.filter((c) => plain(c.simplified) === c.traditional).length;
    const share = (n: number) => `${n}/${corpus.length} (${((100 * n) / corpus.length).toFixed(1)}%)`;
    t.diagnostic(`ours ${share(corpus.length)}; plain OpenCC ${share(right)}`);
    for (const c of corpus.filter((c) => plain(c.simplified) !== c.traditional).slice(0, 5))
      t.diagnostic(`${c.simplified} → OpenCC ${plain(c.simplified)} | ours ${ours(c.simplified)}`);
    assert.ok(right < corpus.length * 0.75, `plain OpenCC got ${share(right)}`);
  });
});

describe('converter options', () => {
  it('leaves text already in Traditional exactly as it is, clause by clause', () => {
    const convert = createConverter();
    for (const text of ['金融支持', '臺積電與台積電', '請按照政策文件辦理程序。', '山東省委臺港澳辦'])
      assert.equal(convert(text), text);
    assert.equal(convert('請依政策文件辦理。发布日期另行通知。'), '請依政策文件辦理。發布日期另行通知。');
  });

  it('terms.prefer 台 writes 台 where OpenCC writes 臺', () => {
    assert.equal(createConverter({ terms: { prefer: '台' } })('台资企业和台湾同胞'), '台資企業和台灣同胞');
    assert.equal(createConverter()('台资企业和台湾同胞'), '臺資企業和臺灣同胞');
  });

  it('terms.keep protects a term in either script; terms.pairs win over the built-in dictionary', () => {
    const convert = createConverter({
      terms: { prefer: '臺', keep: ['國務院台灣事務辦公室'], pairs: { 质量: '質量', 水平: '水準' } },
    });
    assert.equal(convert('国务院台湾事务办公室发布通知'), '國務院台灣事務辦公室發布通知');
    assert.equal(convert('产品质量和服务水平'), '產品質量和服務水準');
  });

  it('does not touch ASCII, Markdown or line breaks', () => {
    const text = '**95%结算**，见[通知](https://www.gov.cn/a_b.html)。\n  - 第二行\n';
    assert.equal(createConverter()(text), '**95%結算**，見[通知](https://www.gov.cn/a_b.html)。\n  - 第二行\n');
  });
});
