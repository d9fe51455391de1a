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

import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { parseYaml } from '../schema/parse-yaml.js';
import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { firmListMessages as say, firmPlaceMessages as places } from '../messages/firms.js';
import { fieldOfHeader, suggestHeader } from './columns.js';
import type { RawRecord } from './records.js';
import type { CellValue } from './table.js';

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
    if (!isMap(item)) {
      diagnostics.push(
        diagnostic('E-FIRMS-FILE', say.notGroup({ firm: label }), {
          file,
          ...(itemRange ? { range: itemRange } : {}),
          hint: say.notGroupHint(),
        }),
      );
      return;
    }
    const record: RawRecord = { label, place: { label, ...(itemRange ? { range: itemRange } : {}) }, values: {} };
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
      if (isSeq(valueNode)) {
        const parts = valueNode.items.map((part) => scalarValue(part as Node)).filter((v) => v !== null);
        record.values[field] = { value: parts.map(String).join('；'), place };
      } else {
        record.values[field] = { value: valueNode ? scalarValue(valueNode) : null, place };
      }
    }
    records.push(record);
  });
  return { records, diagnostics };
}
