import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Audience, Catalogue, Measure } from '../../src/catalogue/types.js';
import { checkAudience, matchFirm, type CriterionCheck } from '../../src/firms/match.js';
import type { Firm } from '../../src/firms/types.js';

const vocabularies = {
  industries: { manufacturing: '製造業', food: '食品', tourism: '文化旅遊', finance: '金融服務' },
  needs: { financing: '融資困難', labour: '用工緊張', costs: '經營成本高' },
};

const firm: Firm = {
  id: 'F1',
  name: '臺商甲公司',
  contact: null,
  honorific: null,
  email: null,
  city: '青島市',
  industries: ['manufacturing'],
  size: 'small',
  exporter: true,
  needs: ['financing', 'costs'],
};
const silent: Firm = { ...firm, city: null, industries: [], size: null, exporter: null, needs: [] };

type Verdicts = Partial<Record<CriterionCheck['criterion'], CriterionCheck['verdict']>>;

const cases: {
  name: string;
  audience: Audience | undefined;
  firm?: Firm;
  fits: boolean;
  answers?: string[];
  verdicts?: Verdicts;
}[] = [
  { name: 'no audience: every firm', audience: undefined, fits: true, verdicts: {} },
  { name: 'empty audience: every firm', audience: {}, fits: true, verdicts: {} },
  {
    name: 'industry in the list',
    audience: { industries: ['manufacturing', 'food'] },
    fits: true,
    verdicts: { industries: 'fits' },
  },
  {
    name: 'industry not in the list',
    audience: { industries: ['tourism'] },
    fits: false,
    verdicts: { industries: 'does-not-fit' },
  },
  {
    name: 'one of several industries of the firm is enough',
    audience: { industries: ['tourism'] },
    firm: { ...firm, industries: ['manufacturing', 'tourism'] },
    fits: true,
  },
  {
    name: 'region: the firm’s city',
    audience: { regions: ['青島市', '煙臺市'] },
    fits: true,
    verdicts: { regions: 'fits' },
  },
  { name: 'region: 青島 is 青島市', audience: { regions: ['青島市'] }, firm: { ...firm, city: '青島' }, fits: true },
  {
    name: 'region: 山東省青島市 is in 青島市',
    audience: { regions: ['青島市'] },
    firm: { ...firm, city: '山東省青島市' },
    fits: true,
  },
  {
    name: 'region: another city',
    audience: { regions: ['濰坊市'] },
    fits: false,
    verdicts: { regions: 'does-not-fit' },
  },
  { name: 'size in the list', audience: { sizes: ['micro', 'small'] }, fits: true, verdicts: { sizes: 'fits' } },
  { name: 'size not in the list', audience: { sizes: ['large'] }, fits: false },
  { name: 'for exporters; the firm exports', audience: { exporter: true }, fits: true, verdicts: { exporter: 'fits' } },
  {
    name: 'for exporters; the firm does not',
    audience: { exporter: true },
    firm: { ...firm, exporter: false },
    fits: false,
    verdicts: { exporter: 'does-not-fit' },
  },
  { name: 'for non-exporters; the firm exports', audience: { exporter: false }, fits: false },
  {
    name: 'needs: answers one the firm reported',
    audience: { needs: ['costs', 'labour'] },
    fits: true,
    answers: ['costs'],
    verdicts: { needs: 'fits' },
  },
  {
    name: 'needs: answers, in the firm’s order',
    audience: { needs: ['costs', 'financing'] },
    fits: true,
    answers: ['financing', 'costs'],
  },
  {
    name: 'needs: answers none the firm reported',
    audience: { needs: ['labour'] },
    fits: false,
    answers: [],
    verdicts: { needs: 'does-not-fit' },
  },
  {
    name: 'every key must fit',
    audience: { industries: ['manufacturing'], sizes: ['large'], needs: ['financing'] },
    fits: false,
    verdicts: { industries: 'fits', sizes: 'does-not-fit', needs: 'fits' },
  },
  {
    name: 'a firm that said nothing is narrowed by nothing',
    audience: { industries: ['tourism'], regions: ['濰坊市'], sizes: ['large'], exporter: false, needs: ['labour'] },
    firm: silent,
    fits: true,
    answers: [],
    verdicts: {
      industries: 'firm-did-not-say',
      regions: 'firm-did-not-say',
      sizes: 'firm-did-not-say',
      exporter: 'firm-did-not-say',
      needs: 'firm-did-not-say',
    },
  },
];

describe('audience matching', () => {
  for (const c of cases) {
    it(c.name, () => {
      const result = checkAudience(c.audience, c.firm ?? firm, vocabularies);
      assert.equal(result.fits, c.fits);
      if (c.answers) assert.deepEqual(result.answers, c.answers);
      if (c.verdicts) {
        assert.deepEqual(
          Object.fromEntries(result.checks.map((check) => [check.criterion, check.verdict])),
          c.verdicts,
        );
      }
    });
  }

  it('says why in words with the Chinese labels', () => {
    const { checks } = checkAudience({ industries: ['tourism', 'food'], sizes: ['micro'] }, firm, vocabularies);
    assert.deepEqual(
      checks.map((check) => check.reason),
      ['for 文化旅遊、食品; the firm is 製造業', 'for 微型; the firm is 小型'],
    );
  });
});

describe('matchFirm', () => {
  const measure = (id: string, category: string, audience: Audience | undefined, from = '2020-01-01', until?: string) =>
    ({
      id,
      title: id,
      category,
      summary: '',
      authority: '',
      basis: [],
      effective: { from, ...(until ? { until } : {}) },
      eligibility: [],
      materials: [],
      steps: [],
      channels: [],
      fee: '不收費',
      contacts: [],
      complaints: [],
      faq: [],
      ...(audience ? { audience } : {}),
    }) as Measure;
  const catalogue = {
    root: '/',
    edition: { categories: [{ id: 'tax' }, { id: 'finance' }], vocabularies },
    measures: [
      { file: 'a', measure: measure('tax-for-all', 'tax', undefined) },
      { file: 'b', measure: measure('tax-costs', 'tax', { needs: ['costs'] }) },
      { file: 'c', measure: measure('tax-large', 'tax', { sizes: ['large'] }) },
      { file: 'd', measure: measure('finance-loans', 'finance', { needs: ['financing'] }) },
      { file: 'e', measure: measure('finance-later', 'finance', { needs: ['financing'] }, '2020-06-01') },
      { file: 'f', measure: measure('finance-ended', 'finance', undefined, '2020-01-01', '2020-02-01') },
    ],
  } as unknown as Catalogue;

  it('chooses measures in effect whose audience fits; those answering its needs first', () => {
    const match = matchFirm(catalogue, firm, '2020-03-05');
    assert.deepEqual(
      match.answering.map((e) => e.measure.id),
      ['tax-costs', 'finance-loans'],
    );
    assert.deepEqual(
      match.others.map((e) => e.measure.id),
      ['tax-for-all'],
    );
    assert.deepEqual(
      match.verdicts.map((v) => [v.entry.measure.id, v.outcome, v.status]),
      [
        ['tax-for-all', 'chosen', 'active'],
        ['tax-costs', 'chosen', 'active'],
        ['tax-large', 'audience', 'active'],
        ['finance-loans', 'chosen', 'active'],
        ['finance-later', 'not-in-effect', 'upcoming'],
        ['finance-ended', 'not-in-effect', 'expired'],
      ],
    );
  });

  it('a firm that reported no difficulty gets every measure its profile allows, none in the needs chapter', () => {
    const match = matchFirm(catalogue, { ...firm, needs: [] }, '2020-03-05');
    assert.deepEqual(match.answering, []);
    assert.deepEqual(
      match.others.map((e) => e.measure.id),
      ['tax-for-all', 'tax-costs', 'finance-loans'],
    );
  });
});
