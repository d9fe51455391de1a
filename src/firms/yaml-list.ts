/**
 * YAML firm lists: a list of firms (or `firms:` holding one), each a mapping with the same keys a
 * table's headers may have, English or Chinese. `needs` and `industry` may be YAML lists.
 *
 * ```yaml
 * - id: TW-0001
 *   name: 臺商精密機械（青島）有限公司
 *   needs: [financing, 物流不暢]
 * ```
 */

import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { parseYaml } from '../schema/parse-yaml.js';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { firmListMessages as say, firmPlaceMessages as places } from '../messages/firms.js';
import { fieldOfHeader, suggestHeader } from './columns.js';
import type { RawRecord } from './records.js';
import type { CellValue } from './table.js';
import type { FirmField } from './types.js';

function rangeOf(node: Node | null | undefined): Range | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

function scalarValue(node: Node): CellValue | null {
  if (!isScalar(node)) return null;
  const value = node.value;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  // A date-like value (2020-03-05) stays as written.
  return value === null || value === undefined ? null : String(node.source ?? value);
}

/** Fields whose value may be a YAML list (several codes); the others take one value. */
const listFields = new Set<FirmField>(['industry', 'needs']);

/**
 * A key's value as a cell, or why it cannot be one: a scalar (an alias to a scalar counts), or for
 * `industry` and `needs` a flat list of scalars. Maps, lists in lists and an alias to the list
 * that holds it are refused rather than read as "empty", which would give the firm every measure.
 */
function cellValue(
  doc: Document,
  node: Node | null,
  field: FirmField,
  label: string,
): { value: CellValue | null } | { problem: string; hint: string } {
  const target = isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
  if (target === null || target === undefined) return { value: null };
  if (isScalar(target)) return { value: scalarValue(target) };
  if (isMap(target)) {
    const keys = target.items.map((pair) => String(isScalar(pair.key) ? pair.key.value : '…')).join(', ');
    return { problem: say.notValue({ place: label, keys }), hint: say.valueOrListHint() };
  }
  if (!isSeq(target) || !listFields.has(field)) {
    return { problem: say.oneValueNotList({ place: label }), hint: say.oneValueHint() };
  }
  const parts: string[] = [];
  for (const item of target.items as Node[]) {
    const part = isAlias(item) ? (item.resolve(doc) as Node | undefined) : item;
    if (isAlias(item) && part === target) {
      return { problem: say.aliasSelf({ place: label, alias: item.source }), hint: say.aliasSelfHint() };
    }
    if (part !== undefined && !isScalar(part)) {
      return { problem: say.listInList({ place: label }), hint: say.valueOrListHint() };
    }
    const value = part ? scalarValue(part) : null;
    if (value !== null) parts.push(String(value));
  }
  return { value: parts.join('；') };
}

/** The firms of a YAML list as raw records, with YAML and shape problems as diagnostics. */
export function yamlRecords(file: string, text: string): { records: RawRecord[]; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(file, text);
  if (!parsed.doc) return { records: [], diagnostics: parsed.diagnostics };
  const diagnostics: Diagnostic[] = [];
  let list = parsed.doc.contents as Node | null;
  if (isMap(list)) {
    const firms = list.items.find((pair) => isScalar(pair.key) && pair.key.value === 'firms');
    list = (firms?.value as Node | undefined) ?? null;
  }
  if (!isSeq(list)) {
    diagnostics.push(
      diagnostic('E-FIRMS-FILE', say.yamlNotList(), {
        file,
        ...(rangeOf(parsed.doc.contents as Node | null) ? { range: rangeOf(parsed.doc.contents as Node)! } : {}),
        hint: say.yamlNotListHint(),
      }),
    );
    return { records: [], diagnostics };
  }
  const records: RawRecord[] = [];
  list.items.forEach((item, index) => {
    const label = places.firm({ n: index + 1 });
    const itemRange = rangeOf(item as Node);
    const record: RawRecord = {
      label,
      number: index + 1,
      place: { label, ...(itemRange ? { range: itemRange } : {}) },
      values: {},
    };
    if (!isMap(item)) {
      // Left out, and recorded in the manifest as failed, like any other bad firm.
      record.problem = diagnostic('E-FIRMS-FILE', say.notGroup({ firm: label }), {
        file,
        ...(itemRange ? { range: itemRange } : {}),
        hint: say.notGroupHint(),
      });
      records.push(record);
      return;
    }
    for (const pair of item.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const keyRange = rangeOf(pair.key);
      const field = fieldOfHeader(key);
      if (field === undefined) {
        const near = suggestHeader(key);
        diagnostics.push(
          diagnostic('W-FIRM-COLUMN-UNKNOWN', say.unknownKey({ firm: label, key }), {
            file,
            ...(keyRange ? { range: keyRange } : {}),
            ...(near !== undefined ? { hint: say.didYouMean({ near }) } : {}),
          }),
        );
        continue;
      }
      const valueNode = pair.value;
      const place = {
        label: places.firmKey({ firm: label, key }),
        ...(rangeOf(valueNode ?? pair.key) ? { range: rangeOf(valueNode ?? pair.key)! } : {}),
      };
      const cell = cellValue(parsed.doc!, valueNode, field, place.label);
      if ('problem' in cell) {
        record.values[field] = {
          value: null,
          place,
          problem: diagnostic('E-FIRM-VALUE', cell.problem, {
            file,
            ...(place.range ? { range: place.range } : {}),
            hint: cell.hint,
          }),
        };
      } else {
        record.values[field] = { value: cell.value, place };
      }
    }
    records.push(record);
  });
  return { records, diagnostics };
}
