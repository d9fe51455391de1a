/**
 * The wording of labels the code prints on a service card (guide.yaml `labels`): how each channel
 * type is named in the 辦理方式 row, and each status in the 有效期 row. An edition may reword any
 * of them (an edition for Taiwan readers says 線上辦理, 臨櫃辦理); the rest keep these defaults.
 * Row names such as 實施機關 are written in the templates, not here.
 */

import { defaulted, object, text, type Fields } from '../schema/schema-kit.js';
import type { ChannelType } from './types.js';
import type { MeasureStatus } from './select.js';

/** Channel types (online, window, …) and statuses (active, upcoming, expired) → their printed wording. */
export type EditionLabels = Record<ChannelType | MeasureStatus, string>;

/** Today's wording: what an edition prints when guide.yaml says nothing. */
export const defaultLabels: Readonly<EditionLabels> = Object.freeze({
  online: '網上辦理',
  window: '窗口辦理',
  mail: '郵寄辦理',
  phone: '電話辦理',
  automatic: '免申即享',
  active: '現行有效',
  upcoming: '尚未生效',
  expired: '已失效',
});

const hints: EditionLabels = {
  online: '網上辦理的稱呼（辦理方式 type: online）',
  window: '窗口辦理的稱呼（type: window），如「臨櫃辦理」',
  mail: '郵寄辦理的稱呼（type: mail）',
  phone: '電話辦理的稱呼（type: phone）',
  automatic: '免申即享的稱呼（type: automatic）',
  active: '有效期一欄「現行有效」的稱呼',
  upcoming: '有效期一欄「尚未生效」的稱呼',
  expired: '有效期一欄「已失效」的稱呼',
};

const labelKeys = Object.keys(defaultLabels) as (keyof EditionLabels)[];

/** guide.yaml `labels`: every key optional, each defaulting to today's wording; empty text is an error. */
export const labelsSchema = object<EditionLabels>(
  Object.fromEntries(
    labelKeys.map((key) => [
      key,
      defaulted(text(), `${hints[key]}；預設「${defaultLabels[key]}」`, defaultLabels[key]),
    ]),
  ) as Fields<EditionLabels>,
  '卡片上由程式印出的字樣；省略的沿用預設',
);
