/** The sentence for each kind of change to a measure, field by field. */

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Measure } from '../../src/catalogue/types.js';
import { measureChanges, plainText } from '../../src/release/field-changes.js';
import { compactMeasure, readMeasureData } from '../../src/release/measure-data.js';
import type { Labels } from '../../src/release/snapshot.js';

const labels: Labels = {
  categories: { tax: '減稅降費', finance: '金融支持' },
  industries: { manufacturing: '製造業', food: '食品' },
  needs: { financing: '融資困難', labour: '用工緊張' },
};

const base: Measure = {
  id: 'tax-small-scale-vat',
  title: '小規模納稅人增值稅減徵',
  category: 'tax',
  summary: '適用3%徵收率的應稅銷售收入，減按1%徵收率徵收增值稅。',
  content: '自2020年3月1日至5月31日……',
  authority: '國家稅務總局山東省稅務局',
  basis: [{ title: '《關於支持個體工商戶復工復業增值稅政策的公告》', number: '財政部 稅務總局公告2020年第13號' }],
  effective: { from: '2020-03-01', until: '2020-05-31' },
  eligibility: ['適用3%徵收率的增值稅小規模納稅人', '**湖北省**除外'],
  materials: [{ name: '增值稅納稅申報表' }],
  steps: ['登錄電子稅務局', '完成申報'],
  channels: [{ type: 'window', name: '辦稅服務廳', address: '就近辦稅服務廳' }],
  time_limit: '即時辦結',
  fee: '不收費',
  contacts: [{ name: '納稅服務熱線', phone: '12366', hours: '工作日 9:00–17:00' }],
  complaints: [],
  faq: [{ q: '個體工商戶可以享受嗎？', a: '可以。' }],
  audience: { sizes: ['micro', 'small'], needs: ['financing'] },
  reviewed: '2020-03-05',
};

function texts(change: Partial<Measure>): string[] {
  return measureChanges(base, { ...base, ...change }, labels).map((c) => c.text);
}

describe('measure changes in plain Chinese', () => {
  it('tells how the period moved', () => {
    assert.deepEqual(texts({ effective: { from: '2020-03-01', until: '2020-12-31' } }), ['有效期延長至2020年12月31日']);
    assert.deepEqual(texts({ effective: { from: '2020-03-01', until: '2020-04-30' } }), ['有效期縮短至2020年4月30日']);
    assert.deepEqual(texts({ effective: { from: '2020-03-01' } }), ['有效期改為長期有效']);
    assert.deepEqual(texts({ effective: { from: '2020-02-01', until: '2020-05-31' } }), [
      '有效期調整為2020年2月1日至2020年5月31日',
    ]);
    const openEnded = { ...base, effective: { from: '2020-03-01' } };
    assert.deepEqual(
      measureChanges(openEnded, base, labels).map((c) => c.text),
      ['有效期改為至2020年5月31日止'],
    );
  });

  it('names documents, materials, channels, questions and conditions added or removed', () => {
    const extension = {
      title: '關於延長小規模納稅人減免增值稅政策執行期限的公告',
      number: '財政部 稅務總局公告2020年第24號',
    };
    assert.deepEqual(texts({ basis: [...base.basis, extension] }), [
      '政策依據新增：《關於延長小規模納稅人減免增值稅政策執行期限的公告》（財政部 稅務總局公告2020年第24號）',
    ]);
    assert.deepEqual(texts({ basis: [] }), [
      '政策依據刪除：《關於支持個體工商戶復工復業增值稅政策的公告》（財政部 稅務總局公告2020年第13號）',
    ]);
    assert.deepEqual(
      texts({ materials: [...base.materials, { name: '營業執照副本影本', copies: 1, note: '加蓋公章' }] }),
      ['申請材料新增：營業執照副本影本（1份，加蓋公章）'],
    );
    assert.deepEqual(texts({ materials: [{ name: '增值稅納稅申報表', copies: 2 }] }), [
      '申請材料調整：增值稅納稅申報表（2份）',
    ]);
    assert.deepEqual(
      texts({ channels: [...base.channels, { type: 'online', name: '電子稅務局', url: 'https://etax.example.cn/' }] }),
      ['辦理方式新增：電子稅務局（網上辦理）'],
    );
    assert.deepEqual(texts({ channels: [{ type: 'window', name: '辦稅服務廳', address: '濟南市市中區' }] }), [
      '辦稅服務廳（窗口辦理）地址變更為濟南市市中區',
    ]);
    assert.deepEqual(texts({ faq: [] }), ['常見問題刪除：個體工商戶可以享受嗎？']);
    assert.deepEqual(texts({ faq: [{ q: '個體工商戶可以享受嗎？', a: '可以，同樣適用。' }] }), [
      '常見問題「個體工商戶可以享受嗎？」的答覆已更新',
    ]);
    assert.deepEqual(texts({ eligibility: [...base.eligibility, '已辦理**稅務登記**'] }), [
      '申請條件新增：已辦理稅務登記',
    ]);
    assert.deepEqual(texts({ eligibility: ['湖北省除外'] }), ['申請條件已修訂'], 'an edited condition');
    assert.deepEqual(texts({ eligibility: [base.eligibility[1]!, base.eligibility[0]!] }), ['申請條件已修訂']);
  });

  it('gives the new value of short fields, and says long text was revised', () => {
    assert.deepEqual(texts({ contacts: [{ name: '納稅服務熱線', phone: '0531-12366' }] }), [
      '諮詢電話變更為0531-12366（納稅服務熱線）',
    ]);
    assert.deepEqual(texts({ contacts: [...base.contacts, { name: '山東省稅務局', phone: '053186061234' }] }), [
      '諮詢電話新增：0531-86061234（山東省稅務局）',
    ]);
    assert.deepEqual(texts({ contacts: [{ name: '納稅服務熱線', phone: '12366', hours: '24小時' }] }), [
      '諮詢電話12366（納稅服務熱線）服務時間變更為24小時',
    ]);
    assert.deepEqual(texts({ complaints: [{ name: '12345政務服務便民熱線', phone: '12345' }] }), [
      '監督投訴電話新增：12345（12345政務服務便民熱線）',
    ]);
    assert.deepEqual(texts({ fee: '按規定收取工本費' }), ['收費標準變更為按規定收取工本費']);
    assert.deepEqual(texts({ authority: '山東省財政廳' }), ['實施機關變更為山東省財政廳']);
    assert.deepEqual(texts({ time_limit: undefined }), ['不再列明辦理時限']);
    assert.deepEqual(texts({ time_limit: '5個工作日' }), ['辦理時限變更為5個工作日']);
    assert.deepEqual(texts({ title: '小規模納稅人增值稅減按1%徵收' }), [
      '名稱變更為「小規模納稅人增值稅減按1%徵收」（原為「小規模納稅人增值稅減徵」）',
    ]);
    assert.deepEqual(texts({ category: 'finance' }), ['類別變更為「金融支持」']);
    assert.deepEqual(texts({ summary: '新摘要。', content: undefined, steps: ['完成申報'] }), [
      '摘要已修訂',
      '政策內容已修訂',
      '辦理流程已調整',
    ]);
    assert.deepEqual(texts({ audience: { industries: ['manufacturing'], needs: ['financing', 'labour'] } }), [
      '適用對象變更為行業：製造業',
      '對應困難訴求變更為融資困難、用工緊張',
    ]);
    assert.deepEqual(texts({ audience: undefined }), ['適用對象變更為各類企業', '不再列入困難訴求索引']);
  });

  it('ignores what the guide does not print, and the order of keyed lists', () => {
    assert.deepEqual(texts({ reviewed: '2020-06-01' }), []);
    const two = [...base.contacts, { name: '山東省稅務局', phone: '0531-86061234' }];
    assert.deepEqual(measureChanges({ ...base, contacts: two }, { ...base, contacts: [...two].reverse() }, labels), []);
  });

  it('lists changes in a fixed order: name, chapter, period, then as the measure is laid out', () => {
    const fields = measureChanges(
      base,
      { ...base, fee: '另行通知', effective: { from: '2020-03-01', until: '2020-12-31' }, title: '新名稱' },
      labels,
    ).map((c) => [c.field, c.label]);
    assert.deepEqual(fields, [
      ['title', '名稱'],
      ['effective', '有效期'],
      ['fee', '收費標準'],
    ]);
  });
});

describe('plainText', () => {
  it('drops Markdown marks and joins lines as the guide does', () => {
    assert.equal(plainText('**湖北省**除外，[詳見](https://example.cn/)公告'), '湖北省除外，詳見公告');
    assert.equal(plainText('第一行\n第二行'), '第一行第二行');
  });
});

describe('measure data in the manifest', () => {
  it('reads back to the measure it was written from', () => {
    const json = JSON.parse(JSON.stringify(compactMeasure(base))) as unknown;
    assert.deepEqual(readMeasureData(json, 'data'), base);
    assert.equal('complaints' in (json as object), false, 'empty lists are left out');
  });

  it('names the first value it cannot use', () => {
    const json = JSON.parse(JSON.stringify(compactMeasure(base))) as { contacts: { phone: unknown }[] };
    json.contacts[0]!.phone = 12366;
    assert.throws(() => readMeasureData(json, 'measures.included[3].data'), {
      message: 'measures.included[3].data.contacts[0].phone should be text',
    });
  });
});
