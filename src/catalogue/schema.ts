/**
 * The formats staff write, defined once: guide.yaml (an edition) and a measure file. The same
 * definitions check files (with positions), export JSON Schema (`guide schema`, schema/*.json)
 * and write the `guide new` skeleton with a Chinese hint per field.
 */

import {
  boolean,
  date,
  integer,
  list,
  number,
  object,
  oneOf,
  optional,
  defaulted,
  record,
  refine,
  required,
  text,
  textOr,
  url,
  type JsonSchema,
} from '../schema/schema-kit.js';
import {
  channelTypes,
  firmSizes,
  type Audience,
  type Basis,
  type Category,
  type Channel,
  type Contact,
  type Edition,
  type EditionLetter,
  type EditionMail,
  type EditionTerms,
  type Faq,
  type Hotline,
  type Material,
  type Measure,
} from './types.js';

import { closestMatch } from '../schema/did-you-mean.js';
import { defaultLabels, labelsSchema } from './labels.js';
import { defaultOutputFormats, outputFormats } from '../writers/formats.js';
import { catalogueMessages as say } from '../messages/catalogue.js';
import { schemaMessages } from '../messages/schema.js';
import { parseMailbox } from '../mail/address.js';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebabHint = say.kebabCase;
const toKebabCase = (value: string) =>
  value
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const kebab = () => text({ pattern: kebabCase, patternHint: kebabHint, suggest: toKebabCase });

/** A sender or reply-to address of guide.yaml `mail:`. */
const mailbox = () =>
  refine(text(), (value) =>
    parseMailbox(value) === undefined
      ? { code: 'E-MAIL-ADDRESS', message: say.badMailbox({ value }), hint: say.mailboxHint() }
      : undefined,
  );

/** The longest measure id: the id is also the file name, and file systems cap names at 255 bytes. */
const measureIdMaxLength = 100;

/** Why `id` cannot be a measure id, or undefined when it can (`guide new` checks with the schema's rule). */
export function measureIdProblem(id: string): string | undefined {
  if (!kebabCase.test(id)) return kebabHint();
  if (id.length > measureIdMaxLength) return say.idTooLong({ length: id.length, max: measureIdMaxLength });
  return undefined;
}

/** A kebab-case code that guide.yaml must declare (a category, an industry, a need). */
function declaredCode(
  list: 'categories' | 'industries' | 'needs',
  code: 'E-CATEGORY-UNKNOWN' | 'E-VOCABULARY-UNKNOWN',
  where: string,
) {
  return refine(kebab(), (value, ctx) => {
    const declared = ctx.declared?.[list];
    if (!declared || declared.includes(value)) return undefined;
    const suggestion = closestMatch(value, declared);
    return {
      code,
      message: say.notDeclared({
        value,
        where,
        suggestion: suggestion ? schemaMessages.didYouMean({ name: suggestion }) : '',
      }),
      hint: say.notDeclaredHint({ list: declared.join(schemaMessages.listSeparator()), where }),
    };
  });
}

const phone = () => text({ description: '電話號碼（請加引號，以免開頭的 0 被當成數字丟失）' });

const contact = object<Contact>({
  name: required(text(), '名稱：窗口、熱線或部門', '納稅服務熱線'),
  phone: required(phone(), '電話號碼', '12366'),
  hours: optional(text(), '服務時間', '工作日 9:00–17:00'),
});

const hotline = object<Hotline>({
  name: required(text(), '熱線名稱', '服務熱線（24小時）'),
  phone: required(phone(), '電話號碼', '0531-86061234'),
});

/** A Taiwan formal letter's wording when guide.yaml has no `letter:`: 君, 台鑒, 此致 / 敬禮. */
export const defaultLetter: Readonly<EditionLetter> = Object.freeze({
  honorific: '君',
  greeting: '台鑒',
  closing: Object.freeze(['此致', '敬禮']) as string[],
});

const category = object<Category>({
  id: required(kebab(), '類別代碼（措施檔案的 category 使用）', 'tax'),
  title: required(text(), '章標題', '減稅降費'),
  intro: optional(text(), '章首導語（Markdown）'),
});

export const editionSchema = object<Edition>(
  {
    title: required(text(), '指南標題', '山東省貫徹落實「26條措施」辦事指南'),
    subtitle: optional(text(), '副標題', '防疫惠企政策彙編'),
    edition: required(text(), '版次', '2020年3月版'),
    date: required(date(), '版次日期（YYYY-MM-DD）；預設的生效判斷日期', '2020-03-05'),
    publisher: required(text(), '發布機關', '山東省委臺港澳辦'),
    locale: defaulted(text(), '語言標記', 'zh-Hant-TW'),
    preface: optional(text(), '前言（Markdown）'),
    hotlines: defaulted(list(hotline), '服務熱線', []),
    categories: required(list(category, { nonEmpty: true }), '章節（類別）及其順序', [
      { id: 'tax', title: '減稅降費' },
    ]),
    vocabularies: defaulted(
      object<Edition['vocabularies']>({
        industries: defaulted(record(text(), kebabCase, kebabHint), '行業代碼：中文名稱', {}),
        needs: defaulted(record(text(), kebabCase, kebabHint), '困難訴求代碼：中文名稱', {}),
      }),
      '企業與措施共用的代碼表',
      { industries: {}, needs: {} },
    ),
    policies: defaulted(list(text(), { nonEmpty: true }), '措施檔案的路徑樣式', ['policies/**/*.{yaml,yml}']),
    templates: defaulted(text(), '範本資料夾', 'templates'),
    allow_outside: defaulted(boolean(), '措施、範本可否放在本資料夾以外（經 ../ 或連結）；預設 false', false),
    output: defaulted(
      object<Edition['output']>({
        dir: defaulted(text(), '輸出資料夾', 'dist'),
        formats: defaulted(list(oneOf(outputFormats), { nonEmpty: true }), '輸出格式', [...defaultOutputFormats]),
        name: optional(text(), '輸出檔名（不含副檔名）；預設為「指南標題-版次」'),
      }),
      '輸出設定',
      { dir: 'dist', formats: [...defaultOutputFormats] },
    ),
    review: defaulted(
      object<Edition['review']>({
        max_age_days: defaulted(integer({ min: 1 }), '複核日期（reviewed）超過多少天即提醒', 365),
        expiring_within_days: defaulted(integer({ min: 0 }), '措施在有效期截止前多少天內即提醒', 30),
      }),
      '複核提醒設定',
      { max_age_days: 365, expiring_within_days: 30 },
    ),
    terms: optional(
      object<EditionTerms>({
        prefer: defaulted(oneOf(['臺', '台'] as const), '「臺」或「台」：轉換時寫哪一個（guide convert）', '臺'),
        keep: defaulted(list(text()), '轉換時原樣保留的詞（機構、文件名稱等）', []),
        pairs: defaulted(
          record(text(), /^\S+$/, say.wordWithoutSpaces),
          '本辦自己的轉換對照：簡體: 繁體，優先於內建詞表',
          {},
        ),
      }),
      '簡體轉臺灣繁體（guide convert）的用詞設定',
      { prefer: '臺', keep: ['國務院台灣事務辦公室'], pairs: { 质量: '品質' } },
    ),
    labels: defaulted(labelsSchema, '辦理方式與有效期狀態的字樣，如 window: 臨櫃辦理；省略的沿用預設', {
      ...defaultLabels,
    }),
    letter: defaulted(
      object<EditionLetter>({
        honorific: defaulted(
          text(),
          '企業名單沒有「稱謂」時，聯繫人姓名後的稱謂，如「先生」「女士」；預設「君」',
          defaultLetter.honorific,
        ),
        greeting: defaulted(text(), '稱謂後的提稱語，如「台鑒」「惠鑒」；預設「台鑒」', defaultLetter.greeting),
        closing: defaulted(
          list(text(), { nonEmpty: true }),
          '結尾敬語，一行一項：第一行空兩格，其餘頂格；預設「此致」「敬禮」',
          [...defaultLetter.closing],
        ),
      }),
      '企業專屬指南（guide batch）致函的提稱語與結尾敬語',
      { ...defaultLetter, closing: [...defaultLetter.closing] },
    ),
    mail: optional(
      object<EditionMail>({
        from: required(mailbox(), '寄件人：名稱加地址，或只寫地址', '山東省委臺港澳辦 <service@example.gov.cn>'),
        reply_to: optional(mailbox(), '回覆地址', 'service@example.gov.cn'),
        office: optional(text(), '信末署名的單位名稱；預設為發布機關'),
        max_attachment_mb: defaulted(number({ min: 0 }), '一封信的附件超過多少 MB 即提醒', 10),
      }),
      '寄送指南（guide mail）的設定',
      { from: '山東省委臺港澳辦 <service@example.gov.cn>', reply_to: 'service@example.gov.cn' },
    ),
  },
  '一個版次的辦事指南（guide.yaml）',
);

const basis = object<Basis>({
  title: required(text(), '政策文件名稱（不含書名號）', '關於支持個體工商戶復工復業增值稅政策的公告'),
  number: optional(text(), '文號', '財政部 稅務總局公告2020年第13號'),
  date: optional(date(), '發布日期', '2020-02-28'),
  url: optional(url(), '原文網址（僅限 http/https）'),
});

const material = textOr(
  object<Material>({
    name: required(text(), '材料名稱', '營業執照副本影本'),
    copies: optional(integer({ min: 1 }), '份數', 1),
    note: optional(text(), '說明', '加蓋公章'),
  }),
  (name) => ({ name }),
);

// Hints name each type in the default wording (an edition may reword it: guide.yaml `labels`).
const channelTypeLabels = Object.fromEntries(channelTypes.map((type) => [type, defaultLabels[type]])) as Record<
  Channel['type'],
  string
>;

const channel = object<Channel>({
  type: required(
    oneOf(channelTypes, channelTypeLabels),
    '辦理方式：online 網上、window 窗口、mail 郵寄、phone 電話、automatic 免申即享',
    'online',
  ),
  name: required(text(), '管道名稱', '電子稅務局'),
  url: optional(url(), '網址（網上辦理時填寫，將印出二維碼）', 'https://etax.chinatax.gov.cn/'),
  address: optional(text(), '地址（窗口辦理時填寫）'),
  phone: optional(phone(), '電話'),
});

const faq = object<Faq>({
  q: required(text(), '問題', '個體工商戶可以享受嗎？'),
  a: required(text(), '解答（Markdown）', '可以。'),
});

const audience = object<Audience>(
  {
    industries: optional(
      list(declaredCode('industries', 'E-VOCABULARY-UNKNOWN', 'vocabularies.industries')),
      '適用行業代碼（guide.yaml vocabularies.industries）',
      ['manufacturing'],
    ),
    regions: optional(list(text()), '適用地區（城市名稱）', ['青島市']),
    sizes: optional(
      list(oneOf(firmSizes, { micro: '微型', small: '小型', medium: '中型', large: '大型' })),
      '企業規模：micro、small、medium、large',
      ['micro', 'small', 'medium'],
    ),
    exporter: optional(boolean(), '僅限出口企業時填 true', true),
    needs: optional(
      list(declaredCode('needs', 'E-VOCABULARY-UNKNOWN', 'vocabularies.needs')),
      '回應的困難訴求代碼（guide.yaml vocabularies.needs）',
      ['financing'],
    ),
  },
  '適用企業；省略表示適用所有企業',
);

export const measureSchema = object<Measure>(
  {
    id: required(
      text({ pattern: kebabCase, patternHint: kebabHint, suggest: toKebabCase, maxLength: measureIdMaxLength }),
      '措施代碼：小寫英文與連字號，各版次保持不變；與檔名相同',
      'tax-small-scale-vat',
    ),
    title: required(text(), '措施名稱', '小規模納稅人增值稅減徵'),
    category: required(
      declaredCode('categories', 'E-CATEGORY-UNKNOWN', 'categories'),
      '類別代碼（guide.yaml categories 之一）',
      'tax',
    ),
    summary: required(text(), '一句話摘要（Markdown）', '適用3%徵收率的應稅銷售收入，減按1%徵收率徵收增值稅。'),
    content: optional(text(), '政策內容（Markdown，可多段）', '自2020年3月1日至5月31日……'),
    authority: required(text(), '實施機關／責任部門', '國家稅務總局山東省稅務局'),
    basis: required(list(basis, { nonEmpty: true }), '政策依據：至少一份文件', [
      {
        title: '關於支持個體工商戶復工復業增值稅政策的公告',
        number: '財政部 稅務總局公告2020年第13號',
        date: '2020-02-28',
      },
    ]),
    effective: required(
      refine(
        object<Measure['effective']>({
          from: required(date(), '生效日期', '2020-03-01'),
          until: optional(date(), '截止日期；長期有效時省略', '2020-05-31'),
        }),
        ({ from, until }) =>
          until !== undefined && until < from
            ? {
                code: 'E-PERIOD-ORDER',
                message: say.periodOrder({ until, from }),
                hint: say.periodOrderHint(),
              }
            : undefined,
      ),
      '有效期',
      { from: '2020-03-01', until: '2020-05-31' },
    ),
    eligibility: required(list(text(), { nonEmpty: true }), '申請條件／適用對象：至少一條（Markdown）', [
      '適用3%徵收率的增值稅小規模納稅人',
    ]),
    materials: defaulted(list(material), '申請材料：文字，或 {name, copies, note}', []),
    steps: defaulted(list(text()), '辦理流程：依序每步一條', []),
    channels: defaulted(list(channel), '辦理方式', []),
    time_limit: optional(text(), '辦理時限（法定／承諾）', '即時辦結'),
    fee: required(
      text({ emptyCode: 'E-FEE-EMPTY', emptyHint: say.feeEmptyHint }),
      '收費標準；免費請寫「不收費」',
      '不收費',
    ),
    contacts: required(list(contact, { nonEmpty: true }), '諮詢電話：至少一個', [
      { name: '納稅服務熱線', phone: '12366' },
    ]),
    complaints: defaulted(list(contact), '監督投訴電話', []),
    faq: defaulted(list(faq), '常見問題', []),
    audience: optional(audience, '適用企業（用於一企一策）；省略表示適用所有企業'),
    reviewed: optional(date(), '最近一次複核日期', '2020-03-05'),
  },
  '一項惠企措施',
);

/** JSON Schema (draft-07, what yaml-language-server reads) for guide.yaml or a measure file. */
export function exportJsonSchema(which: 'guide' | 'measure'): JsonSchema {
  const schema = which === 'guide' ? editionSchema : measureSchema;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `guide-${which}.schema.json`,
    title: which === 'guide' ? 'guide.yaml' : 'measure',
    ...schema.json(),
  };
}
