/**
 * Reading one catalog file's YAML nodes: ranges for the errors, the errors themselves, and the
 * primitive field readers (string, list of strings, number, date, list of mappings). Every reader
 * reports what it cannot use and returns undefined; nothing throws.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { LineIndex } from '../text';
import type { Range } from '../types';
import { msg } from '../i18n';
import type { CatalogError } from './types';
import { isIsoDate, VIETNAMESE_GROUPED } from './schema';

export class YamlReader {
  readonly errors: CatalogError[] = [];

  constructor(private readonly text: string, readonly lines: LineIndex, private readonly uri: string) {}

  rangeOf(start: number, end: number): Range {
    return this.lines.range(start, Math.max(start, end));
  }

  /** A node's range without the line breaks and spaces a block node ends with. */
  nodeRange(node: Node | null | undefined): Range {
    const r = node?.range;
    if (!r) return this.rangeOf(0, 0);
    let end = r[1];
    while (end > r[0] && /\s/.test(this.text[end - 1])) end--;
    return this.rangeOf(r[0], end);
  }

  /** The first line of a node: a block map's full range is too wide for a squiggle. */
  headRange(node: Node | null | undefined): Range {
    const r = node?.range;
    if (!r) return this.rangeOf(0, 0);
    const lineEnd = this.text.slice(r[0], r[1]).search(/\r?\n|\r/);
    return this.rangeOf(r[0], lineEnd < 0 ? r[1] : r[0] + lineEnd);
  }

  report(range: Range, en: string, vi: string): void {
    this.errors.push({ uri: this.uri, range, message: msg(vi, en) });
  }

  /** Reports the keys of `map` not in `known`; returns a getter of its fields. */
  fieldsOf(map: YAMLMap<Node, Node | null>, known: Set<string>, what: { en: string; vi: string }): (k: string) => Node | undefined {
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key === undefined || !known.has(key)) this.report(this.nodeRange(pair.key), `Unknown ${what.en} field \`${key ?? '?'}\``, `Trường ${what.vi} không hợp lệ \`${key ?? '?'}\``);
    }
    return (k) => {
      const n = fieldNode(map, k);
      return n && !(isScalar(n) && n.value === null) ? n : undefined;
    };
  }

  /** A list of mappings, each read by `one`; broken items are reported and dropped. */
  readList<T>(node: Node, key: string, notMapEn: string, notMapVi: string, one: (m: YAMLMap<Node, Node | null>) => T | undefined): T[] | undefined {
    if (!isSeq(node)) {
      this.report(this.nodeRange(node), `\`${key}\` must be a list`, `\`${key}\` phải là danh sách`);
      return undefined;
    }
    const out: T[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item) continue;
      if (!isMap(item)) {
        this.report(this.nodeRange(item), notMapEn, notMapVi);
        continue;
      }
      const v = one(item as YAMLMap<Node, Node | null>);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /** An ISO date field, or undefined after reporting. */
  isoDate(node: Node, key: string): string | undefined {
    const v = this.str(node, key);
    if (v === undefined) return undefined;
    if (isIsoDate(v)) return v;
    this.report(this.nodeRange(node), `\`${key}\` must be a date written YYYY-MM-DD, not ${JSON.stringify(v)}`, `\`${key}\` phải là ngày dạng YYYY-MM-DD, không phải ${JSON.stringify(v)}`);
    return undefined;
  }

  str(node: Node, key: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) return String(node.source ?? node.value);
    this.report(this.nodeRange(node), `\`${key}\` must be a non-empty string`, `\`${key}\` phải là chuỗi khác rỗng`);
    return undefined;
  }

  strList(node: Node, key: string): string[] | undefined {
    if (!isSeq(node)) {
      this.report(this.nodeRange(node), `\`${key}\` must be a list of strings`, `\`${key}\` phải là danh sách chuỗi`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item) continue;
      const v = this.str(item, key);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  num(node: Node, key: string): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) {
      if (node.source !== undefined && VIETNAMESE_GROUPED.test(node.source)) {
        this.report(this.nodeRange(node), `\`${key}\`: ${node.source} reads as ${node.value} in YAML; write ${node.source.replace(/\./g, '')} (no thousands separators)`, `\`${key}\`: YAML đọc ${node.source} là ${node.value}; hãy viết ${node.source.replace(/\./g, '')} (không dùng dấu phân cách hàng nghìn)`);
        return undefined;
      }
      return node.value;
    }
    const src = isScalar(node) ? String(node.source ?? node.value) : undefined;
    const hint = src && /^[+-]?[\d.]+,\d+$/.test(src) ? `; write ${src.replace(/\./g, '').replace(',', '.')} (decimal point)` : '';
    this.report(this.nodeRange(node), `\`${key}\` must be a number${hint}`, `\`${key}\` phải là số`);
    return undefined;
  }
}

export function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

export function fieldNode(map: YAMLMap<Node, Node | null>, key: string): Node | null | undefined {
  for (const pair of map.items) if (keyName(pair) === key) return pair.value;
  return undefined;
}
