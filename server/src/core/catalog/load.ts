/**
 * Reads a catalog file (`indicators:` list, the format of the embedded default and of a
 * workspace's `.policy-report/indicators.yaml`). Parsing never throws: every problem becomes a
 * CatalogError with the range of the offending node, and valid entries are kept beside broken ones.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex } from '../text';
import { yamlRefusal } from '../parse/guard';
import type { Range } from '../types';
import { msg, type Msg } from '../i18n';
import type { CatalogDocument, CatalogError, CompilerPeriod, EditionDenominator, Indicator, MeasureType, PeriodKind, RankScope, Target } from './types';
import defaultCatalogText from './default-catalog.yaml';

/** Values accepted for `measure`. */
export const MEASURE_TYPES: readonly MeasureType[] = ['stock', 'flow', 'ratio', 'growth', 'rank', 'index', 'fraction'];
/** Values accepted for `unitClass`. */
export const UNIT_CLASSES: readonly Indicator['unitClass'][] = ['currency', 'percent', 'count', 'rank', 'index', 'none'];
/** Values accepted for `scope`. */
export const RANK_SCOPES: readonly RankScope[] = ['world', 'asia', 'asia-pacific', 'asean', 'national'];
/** Values accepted in `publishes`. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month', 'ytd', 'day'];
/** Pattern of an indicator id: kebab-case, lower-case ASCII. */
export const INDICATOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The uri recorded as `origin` of the embedded default catalog's entries. */
export const DEFAULT_CATALOG_URI = 'policy-report:default-catalog.yaml';

const COMPARATORS: readonly NonNullable<Target['comparator']>[] = ['gte', 'lte', 'eq'];
const KNOWN_FIELDS = new Set([
  'id', 'name', 'nameEn', 'aliases', 'abbreviations', 'measure', 'unit', 'unitClass', 'range',
  'compiler', 'compilerCodes', 'family', 'denominatorOf', 'targets', 'description', 'descriptionEn',
  'cumulative', 'revised', 'compilers', 'scope', 'denominators', 'decisions', 'sources', 'publishes',
]);
const TARGET_FIELDS = new Set(['value', 'comparator', 'period', 'source']);
const COMPILER_FIELDS = new Set(['name', 'codes', 'from', 'until']);
const DENOMINATOR_FIELDS = new Set(['period', 'value']);
const DOCUMENT_FIELDS = new Set(['id', 'title', 'date', 'url']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** True for an absolute http(s) address with a host. */
export function isWebAddress(s: string): boolean {
  if (!/^https?:\/\//i.test(s) || /\s/.test(s)) return false;
  try {
    return new URL(s).hostname.length > 0;
  } catch {
    return false;
  }
}
/** "48.000" or "1.497.360": Vietnamese thousands groups, which YAML silently reads as 48 or fails. */
const VIETNAMESE_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/**
 * The largest catalog file read (UTF-16 code units): the embedded default is about 260 K, a team's
 * catalog of a few thousand indicators well under 2 M. Larger files are refused with an error.
 */
export const MAX_CATALOG_CHARS = 4 * 1024 * 1024;

/** Why `text` is not read as a catalog (too large, too deep, binary), or null. */
export function refuseCatalog(text: string): Msg | null {
  const why = yamlRefusal(text, MAX_CATALOG_CHARS);
  return why && msg(`Tệp danh mục ${why.vi}: tệp không được dùng.`, `The catalog file is ${why.en}: it is not used.`);
}

/** What a catalog file holds: its indicators, the documents it names, and its problems. */
export interface ParsedCatalog {
  indicators: Indicator[];
  errors: CatalogError[];
  /** The top-level `documents:` list, when the file has one (optional in a workspace catalog). */
  documents?: CatalogDocument[];
}

/** Parses catalog YAML. `uri` is recorded in errors and in each indicator's `origin`. */
export function parseCatalogYaml(text: string, uri: string): ParsedCatalog {
  // Not YAML at all, or too big to be a catalog: one clear error, and no time spent parsing it.
  const refusal = refuseCatalog(text);
  if (refusal) {
    const zero = { line: 0, character: 0 };
    return { indicators: [], errors: [{ uri, range: { start: zero, end: zero }, message: refusal }] };
  }
  const lines = new LineIndex(text);
  const errors: CatalogError[] = [];
  const indicators: Indicator[] = [];
  let documents: CatalogDocument[] | undefined;
  const rangeOf = (start: number, end: number): Range => lines.range(start, Math.max(start, end));
  /** A node's range without the line breaks and spaces a block node ends with. */
  const nodeRange = (node: Node | null | undefined): Range => {
    const r = node?.range;
    if (!r) return rangeOf(0, 0);
    let end = r[1];
    while (end > r[0] && /\s/.test(text[end - 1])) end--;
    return rangeOf(r[0], end);
  };
  /** The first line of a node: a block map's full range is too wide for a squiggle. */
  const headRange = (node: Node | null | undefined): Range => {
    const r = node?.range;
    if (!r) return rangeOf(0, 0);
    const lineEnd = text.slice(r[0], r[1]).search(/\r?\n|\r/);
    return rangeOf(r[0], lineEnd < 0 ? r[1] : r[0] + lineEnd);
  };
  const report = (range: Range, en: string, vi: string) => errors.push({ uri, range, message: msg(vi, en) });

  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The yaml package reports problems in doc.errors; this is only a guard for the contract.
    report(rangeOf(0, 0), `Cannot parse catalog: ${String(e)}`, 'Không đọc được danh mục');
    return documents ? { indicators, errors, documents } : { indicators, errors };
  }
  const syntaxSpans: Array<[number, number]> = [];
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    syntaxSpans.push([s, e]);
    report(rangeOf(s, e), `YAML syntax error (${err.code}): ${err.message}`, 'Lỗi cú pháp YAML');
  }
  /** A node that a syntax error touches holds whatever the parser recovered: skip it. */
  const brokenBySyntax = (node: Node): boolean => {
    const r = node.range;
    if (!r) return false;
    return syntaxSpans.some(([s, e]) => (s === e ? s >= r[0] && s < r[1] : s < r[1] && e > r[0]));
  };

  const root = doc.contents;
  if (!isMap(root)) {
    if (doc.errors.length === 0 || root) {
      report(
        root ? headRange(root) : rangeOf(0, 0),
        'A catalog is a mapping with an `indicators:` list',
        'Danh mục phải là một ánh xạ có khóa `indicators:` chứa danh sách chỉ tiêu',
      );
    }
    return documents ? { indicators, errors, documents } : { indicators, errors };
  }
  let list: Node | null = null;
  let listKey: Node | null = null;
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = keyName(pair);
    if (key === 'indicators') {
      list = pair.value;
      listKey = pair.key;
    } else if (key === 'documents') {
      if (pair.value && !brokenBySyntax(pair.value)) readDocuments(pair.value);
    } else if (key !== '$schema') {
      report(nodeRange(pair.key), `Unknown top-level key \`${key ?? '?'}\` (expected \`indicators\` or \`documents\`)`, `Khóa không hợp lệ \`${key ?? '?'}\` (cần \`indicators\` hoặc \`documents\`)`);
    }
  }
  if (!list || !isSeq(list)) {
    if (!(list && brokenBySyntax(list))) {
      report(
        list ? nodeRange(list) : listKey ? nodeRange(listKey) : headRange(root),
        list ? '`indicators` must be a list' : 'Missing `indicators:` list',
        list ? '`indicators` phải là một danh sách' : 'Thiếu danh sách `indicators:`',
      );
    }
    return documents ? { indicators, errors, documents } : { indicators, errors };
  }

  const seenIds = new Map<string, Node>();
  for (const item of list.items as (Node | null)[]) {
    if (!item) continue;
    if (brokenBySyntax(item)) continue;
    if (!isMap(item)) {
      report(nodeRange(item), 'An indicator entry must be a mapping (id, name, measure…)', 'Mỗi chỉ tiêu phải là một ánh xạ (id, name, measure…)');
      continue;
    }
    const ind = readIndicator(item as YAMLMap<Node, Node | null>);
    if (!ind) continue;
    const idNode = fieldNode(item as YAMLMap<Node, Node | null>, 'id');
    const first = seenIds.get(ind.id);
    if (first) {
      const at = lines.positionAt(first.range?.[0] ?? 0);
      report(nodeRange(idNode), `Duplicate id \`${ind.id}\` (first defined on line ${at.line + 1})`, `Trùng id \`${ind.id}\` (đã khai báo ở dòng ${at.line + 1})`);
      continue;
    }
    if (idNode) seenIds.set(ind.id, idNode);
    ind.origin = { uri, range: nodeRange(item) };
    indicators.push(ind);
  }
  return documents ? { indicators, errors, documents } : { indicators, errors };

  /** Reads one entry; returns undefined (after reporting) when a required field is unusable. */
  function readIndicator(map: YAMLMap<Node, Node | null>): Indicator | undefined {
    let ok = true;
    const fields = new Map<string, Node | null>();
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key === undefined) {
        report(nodeRange(pair.key), 'Field names must be plain strings', 'Tên trường phải là chuỗi');
        continue;
      }
      if (!KNOWN_FIELDS.has(key)) {
        report(nodeRange(pair.key), `Unknown field \`${key}\``, `Trường không hợp lệ \`${key}\``);
        continue;
      }
      fields.set(key, pair.value);
    }
    const required = (key: string): Node | null | undefined => {
      const node = fields.get(key);
      if (node === undefined || node === null || (isScalar(node) && node.value === null)) {
        report(node ? nodeRange(node) : headRange(map), `Missing required field \`${key}\``, `Thiếu trường bắt buộc \`${key}\``);
        ok = false;
        return undefined;
      }
      return node;
    };

    const idNode = required('id');
    const id = idNode ? str(idNode, 'id') : undefined;
    if (idNode && id !== undefined && !INDICATOR_ID_PATTERN.test(id)) {
      report(nodeRange(idNode), `Id \`${id}\` must be kebab-case (a-z, 0-9, -)`, `Id \`${id}\` phải viết dạng kebab-case (a-z, 0-9, -)`);
      ok = false;
    }
    const nameNode = required('name');
    const name = nameNode ? str(nameNode, 'name') : undefined;
    const measureNode = required('measure');
    const measure = measureNode ? str(measureNode, 'measure') : undefined;
    if (measureNode && measure !== undefined && !MEASURE_TYPES.includes(measure as MeasureType)) {
      report(nodeRange(measureNode), `Unknown measure \`${measure}\` (one of ${MEASURE_TYPES.join(', ')})`, `Kiểu đo không hợp lệ \`${measure}\``);
      ok = false;
    }
    const unitNode = required('unit');
    const unit = unitNode ? str(unitNode, 'unit') : undefined;
    const unitClassNode = required('unitClass');
    const unitClass = unitClassNode ? str(unitClassNode, 'unitClass') : undefined;
    if (unitClassNode && unitClass !== undefined && !UNIT_CLASSES.includes(unitClass as Indicator['unitClass'])) {
      report(nodeRange(unitClassNode), `Unknown unitClass \`${unitClass}\` (one of ${UNIT_CLASSES.join(', ')})`, `Loại đơn vị không hợp lệ \`${unitClass}\``);
      ok = false;
    }
    if (!ok || id === undefined || name === undefined || measure === undefined || unit === undefined || unitClass === undefined) return undefined;

    const ind: Indicator = {
      id,
      name: name.normalize('NFC'),
      aliases: [],
      abbreviations: [],
      measure: measure as MeasureType,
      unit,
      unitClass: unitClass as Indicator['unitClass'],
      description: '',
    };
    // Optional fields: a broken one is reported and dropped; the entry stays usable.
    for (const [key, node] of fields) {
      if (node === null || (isScalar(node) && node.value === null)) continue;
      switch (key) {
        case 'nameEn':
        case 'compiler':
        case 'family':
        case 'denominatorOf':
        case 'description':
        case 'descriptionEn': {
          const v = str(node, key);
          if (v !== undefined) ind[key] = v;
          break;
        }
        case 'aliases':
        case 'abbreviations':
        case 'compilerCodes': {
          const v = strList(node, key);
          if (v) ind[key] = v.map((s) => s.normalize('NFC'));
          break;
        }
        case 'cumulative':
        case 'revised': {
          if (isScalar(node) && typeof node.value === 'boolean') ind[key] = node.value;
          else report(nodeRange(node), `\`${key}\` must be true or false`, `\`${key}\` phải là true hoặc false`);
          break;
        }
        case 'range': {
          const v = readRange(node);
          if (v) ind.range = v;
          break;
        }
        case 'targets': {
          const v = readTargets(node);
          if (v) ind.targets = v;
          break;
        }
        case 'decisions': {
          const v = strList(node, key);
          if (v) ind.decisions = v.map((s) => s.normalize('NFC'));
          break;
        }
        case 'sources': {
          if (!isSeq(node)) {
            report(nodeRange(node), '`sources` must be a list of http(s) addresses', '`sources` phải là danh sách địa chỉ http(s)');
            break;
          }
          const good: string[] = [];
          for (const item of node.items as (Node | null)[]) {
            if (!item) continue;
            const u = str(item, key);
            if (u === undefined) continue;
            if (isWebAddress(u)) good.push(u);
            else report(nodeRange(item), `\`sources\`: ${JSON.stringify(u)} is not an http(s) address`, `\`sources\`: ${JSON.stringify(u)} không phải địa chỉ http(s)`);
          }
          ind.sources = good;
          break;
        }
        case 'publishes': {
          const v = strList(node, key);
          if (!v) break;
          const bad = v.filter((k) => !PERIOD_KINDS.includes(k as PeriodKind));
          if (bad.length) report(nodeRange(node), `Unknown period kind ${bad.map((b) => `\`${b}\``).join(', ')} in \`publishes\` (${PERIOD_KINDS.join(', ')})`, `Loại kỳ không hợp lệ ${bad.map((b) => `\`${b}\``).join(', ')} trong \`publishes\` (${PERIOD_KINDS.join(', ')})`);
          else if (v.length) ind.publishes = v as PeriodKind[];
          break;
        }
        case 'scope': {
          const v = str(node, key);
          if (v === undefined) break;
          if (!RANK_SCOPES.includes(v as RankScope)) report(nodeRange(node), `Unknown scope \`${v}\` (one of ${RANK_SCOPES.join(', ')})`, `Phạm vi không hợp lệ \`${v}\` (một trong ${RANK_SCOPES.join(', ')})`);
          else if (ind.measure !== 'rank' && ind.measure !== 'index') report(nodeRange(node), `\`scope\` is for ranks and indices, not a ${ind.measure}`, `\`scope\` chỉ dùng cho thứ hạng và chỉ số, không dùng cho ${ind.measure}`);
          else ind.scope = v as RankScope;
          break;
        }
        case 'compilers': {
          const v = readList(node, key, 'A compiler must be a mapping (name, codes, from, until)', 'Mỗi cơ quan biên soạn phải là ánh xạ (name, codes, from, until)', readCompiler);
          if (v) ind.compilers = v;
          break;
        }
        case 'denominators': {
          if (ind.measure !== 'rank') {
            report(nodeRange(node), `\`denominators\` is for ranks, not a ${ind.measure}`, `\`denominators\` chỉ dùng cho thứ hạng, không dùng cho ${ind.measure}`);
            break;
          }
          const v = readList(node, key, 'A denominator must be a mapping (period, value)', 'Mỗi mẫu số phải là ánh xạ (period, value)', readDenominator);
          if (v) ind.denominators = v;
          break;
        }
      }
    }
    return ind;
  }

  /** Reports the keys of `map` not in `known`; returns a getter of its fields. */
  function fieldsOf(map: YAMLMap<Node, Node | null>, known: Set<string>, what: { en: string; vi: string }): (k: string) => Node | undefined {
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key === undefined || !known.has(key)) report(nodeRange(pair.key), `Unknown ${what.en} field \`${key ?? '?'}\``, `Trường ${what.vi} không hợp lệ \`${key ?? '?'}\``);
    }
    return (k) => {
      const n = fieldNode(map, k);
      return n && !(isScalar(n) && n.value === null) ? n : undefined;
    };
  }

  /** A list of mappings, each read by `one`; broken items are reported and dropped. */
  function readList<T>(node: Node, key: string, notMapEn: string, notMapVi: string, one: (m: YAMLMap<Node, Node | null>) => T | undefined): T[] | undefined {
    if (!isSeq(node)) {
      report(nodeRange(node), `\`${key}\` must be a list`, `\`${key}\` phải là danh sách`);
      return undefined;
    }
    const out: T[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item) continue;
      if (!isMap(item)) {
        report(nodeRange(item), notMapEn, notMapVi);
        continue;
      }
      const v = one(item as YAMLMap<Node, Node | null>);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  /** An ISO date field, or undefined after reporting. */
  function isoDate(node: Node, key: string): string | undefined {
    const v = str(node, key);
    if (v === undefined) return undefined;
    if (isIsoDate(v)) return v;
    report(nodeRange(node), `\`${key}\` must be a date written YYYY-MM-DD, not ${JSON.stringify(v)}`, `\`${key}\` phải là ngày dạng YYYY-MM-DD, không phải ${JSON.stringify(v)}`);
    return undefined;
  }

  function readCompiler(map: YAMLMap<Node, Node | null>): CompilerPeriod | undefined {
    const get = fieldsOf(map, COMPILER_FIELDS, { en: 'compiler', vi: 'cơ quan biên soạn' });
    const nameNode = get('name');
    if (!nameNode) {
      report(headRange(map), 'Compiler is missing `name`', 'Cơ quan biên soạn thiếu `name`');
      return undefined;
    }
    const name = str(nameNode, 'name');
    if (name === undefined) return undefined;
    const out: CompilerPeriod = { name: name.normalize('NFC') };
    const codesNode = get('codes');
    const codes = codesNode ? strList(codesNode, 'codes') : undefined;
    if (codes?.length) out.codes = codes;
    const fromNode = get('from');
    const untilNode = get('until');
    const from = fromNode ? isoDate(fromNode, 'from') : undefined;
    const until = untilNode ? isoDate(untilNode, 'until') : undefined;
    if ((fromNode && from === undefined) || (untilNode && until === undefined)) return undefined;
    if (from && until && from > until) {
      report(headRange(map), `Compiler \`${name}\`: \`from\` ${from} is after \`until\` ${until}`, `Cơ quan \`${name}\`: \`from\` ${from} sau \`until\` ${until}`);
      return undefined;
    }
    if (from) out.from = from;
    if (until) out.until = until;
    return out;
  }

  function readDenominator(map: YAMLMap<Node, Node | null>): EditionDenominator | undefined {
    const get = fieldsOf(map, DENOMINATOR_FIELDS, { en: 'denominator', vi: 'mẫu số' });
    const periodNode = get('period');
    const valueNode = get('value');
    if (!periodNode || !valueNode) {
      report(headRange(map), `Denominator is missing \`${periodNode ? 'value' : 'period'}\``, `Mẫu số thiếu \`${periodNode ? 'value' : 'period'}\``);
      return undefined;
    }
    const period = str(periodNode, 'period');
    const value = num(valueNode, 'value');
    if (period === undefined || value === undefined) return undefined;
    if (!Number.isInteger(value) || value < 1) {
      report(nodeRange(valueNode), `A denominator counts what is ranked: a whole number ≥ 1, not ${value}`, `Mẫu số là số đơn vị được xếp hạng: số nguyên ≥ 1, không phải ${value}`);
      return undefined;
    }
    return { period, value };
  }

  function readDocuments(node: Node): void {
    const seen = new Set<string>();
    const docs = readList(node, 'documents', 'A document must be a mapping (id, title, date, url)', 'Mỗi văn bản phải là ánh xạ (id, title, date, url)', (map) => {
      const get = fieldsOf(map, DOCUMENT_FIELDS, { en: 'document', vi: 'văn bản' });
      const idNode = get('id');
      const titleNode = get('title');
      if (!idNode || !titleNode) {
        report(headRange(map), `Document is missing \`${idNode ? 'title' : 'id'}\``, `Văn bản thiếu \`${idNode ? 'title' : 'id'}\``);
        return undefined;
      }
      const id = str(idNode, 'id');
      const title = str(titleNode, 'title');
      if (id === undefined || title === undefined) return undefined;
      if (seen.has(id)) {
        report(nodeRange(idNode), `Duplicate document \`${id}\``, `Trùng văn bản \`${id}\``);
        return undefined;
      }
      seen.add(id);
      const doc: CatalogDocument = { id: id.normalize('NFC'), title: title.normalize('NFC') };
      const dateNode = get('date');
      const date = dateNode ? isoDate(dateNode, 'date') : undefined;
      if (date) doc.date = date;
      const urlNode = get('url');
      const url = urlNode ? str(urlNode, 'url') : undefined;
      if (url !== undefined) {
        if (isWebAddress(url)) doc.url = url;
        else if (urlNode) report(nodeRange(urlNode), `\`url\`: ${JSON.stringify(url)} is not an http(s) address`, `\`url\`: ${JSON.stringify(url)} không phải địa chỉ http(s)`);
      }
      return doc;
    });
    documents = [...(documents ?? []), ...(docs ?? [])];
  }

  function str(node: Node, key: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '') return node.value.trim();
    if (isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean')) return String(node.source ?? node.value);
    report(nodeRange(node), `\`${key}\` must be a non-empty string`, `\`${key}\` phải là chuỗi khác rỗng`);
    return undefined;
  }

  function strList(node: Node, key: string): string[] | undefined {
    if (!isSeq(node)) {
      report(nodeRange(node), `\`${key}\` must be a list of strings`, `\`${key}\` phải là danh sách chuỗi`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item) continue;
      const v = str(item, key);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  function num(node: Node, key: string): number | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) {
      if (node.source !== undefined && VIETNAMESE_GROUPED.test(node.source)) {
        report(nodeRange(node), `\`${key}\`: ${node.source} reads as ${node.value} in YAML; write ${node.source.replace(/\./g, '')} (no thousands separators)`, `\`${key}\`: YAML đọc ${node.source} là ${node.value}; hãy viết ${node.source.replace(/\./g, '')} (không dùng dấu phân cách hàng nghìn)`);
        return undefined;
      }
      return node.value;
    }
    const src = isScalar(node) ? String(node.source ?? node.value) : undefined;
    const hint = src && /^[+-]?[\d.]+,\d+$/.test(src) ? `; write ${src.replace(/\./g, '').replace(',', '.')} (decimal point)` : '';
    report(nodeRange(node), `\`${key}\` must be a number${hint}`, `\`${key}\` phải là số`);
    return undefined;
  }

  function readRange(node: Node): [number, number] | undefined {
    if (!isSeq(node) || node.items.length !== 2) {
      report(nodeRange(node), '`range` must be a list of two numbers [min, max]', '`range` phải là danh sách hai số [min, max]');
      return undefined;
    }
    const [a, b] = (node.items as Node[]).map((n) => num(n, 'range'));
    if (a === undefined || b === undefined) return undefined;
    if (a > b) {
      report(nodeRange(node), `\`range\` min ${a} is above max ${b}`, `\`range\`: giá trị nhỏ nhất ${a} lớn hơn giá trị lớn nhất ${b}`);
      return undefined;
    }
    return [a, b];
  }

  function readTargets(node: Node): Target[] | undefined {
    if (!isSeq(node)) {
      report(nodeRange(node), '`targets` must be a list', '`targets` phải là danh sách');
      return undefined;
    }
    const out: Target[] = [];
    for (const item of node.items as (Node | null)[]) {
      if (!item) continue;
      if (!isMap(item)) {
        report(nodeRange(item), 'A target must be a mapping (value, period, source)', 'Mỗi mục tiêu phải là ánh xạ (value, period, source)');
        continue;
      }
      const t = readTarget(item as YAMLMap<Node, Node | null>);
      if (t) out.push(t);
    }
    return out;
  }

  function readTarget(map: YAMLMap<Node, Node | null>): Target | undefined {
    let ok = true;
    const get = (k: string) => fieldNode(map, k);
    for (const pair of map.items) {
      const key = keyName(pair);
      if (key === undefined || !TARGET_FIELDS.has(key)) {
        report(nodeRange(pair.key), `Unknown target field \`${key ?? '?'}\``, `Trường mục tiêu không hợp lệ \`${key ?? '?'}\``);
      }
    }
    const need = (k: string): Node | undefined => {
      const n = get(k);
      if (!n || (isScalar(n) && n.value === null)) {
        report(headRange(map), `Target is missing \`${k}\``, `Mục tiêu thiếu \`${k}\``);
        ok = false;
        return undefined;
      }
      return n;
    };
    const valueNode = need('value');
    const value = valueNode ? num(valueNode, 'value') : undefined;
    const periodNode = need('period');
    const period = periodNode ? str(periodNode, 'period') : undefined;
    const sourceNode = need('source');
    const source = sourceNode ? str(sourceNode, 'source') : undefined;
    const compNode = get('comparator');
    let comparator: Target['comparator'];
    if (compNode && !(isScalar(compNode) && compNode.value === null)) {
      const c = str(compNode, 'comparator');
      if (c !== undefined && COMPARATORS.includes(c as NonNullable<Target['comparator']>)) comparator = c as Target['comparator'];
      else {
        if (c !== undefined) report(nodeRange(compNode), `Unknown comparator \`${c}\` (gte, lte or eq)`, `Phép so sánh không hợp lệ \`${c}\` (gte, lte hoặc eq)`);
        ok = false;
      }
    }
    if (!ok || value === undefined || period === undefined || source === undefined) return undefined;
    return comparator ? { value, comparator, period, source } : { value, period, source };
  }
}

function keyName(pair: Pair<unknown, unknown>): string | undefined {
  const k = pair.key;
  if (isScalar(k) && (typeof k.value === 'string' || typeof k.value === 'number')) return String(k.value);
  return undefined;
}

function fieldNode(map: YAMLMap<Node, Node | null>, key: string): Node | null | undefined {
  for (const pair of map.items) if (keyName(pair) === key) return pair.value;
  return undefined;
}

let defaultCache: ParsedCatalog | undefined;

/**
 * The embedded default catalog, parsed once. Its errors (none, a test guards it) are available
 * from `defaultCatalogErrors()`.
 */
export function loadDefaultCatalog(): Indicator[] {
  defaultCache ??= parseCatalogYaml(defaultCatalogText, DEFAULT_CATALOG_URI);
  return defaultCache.indicators;
}

/** The documents (decisions, strategies) the embedded default catalog names. */
export function defaultCatalogDocuments(): CatalogDocument[] {
  loadDefaultCatalog();
  return defaultCache?.documents ?? [];
}

/** Problems found in the embedded default catalog (expected: none). */
export function defaultCatalogErrors(): CatalogError[] {
  loadDefaultCatalog();
  return defaultCache?.errors ?? [];
}

/** The embedded default catalog's YAML source, e.g. to open it read-only from "go to definition". */
export function defaultCatalogSource(): string {
  return defaultCatalogText;
}
