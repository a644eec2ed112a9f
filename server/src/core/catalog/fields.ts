/** The validators of a catalog entry's structured fields (and of the top-level `documents:` list). */
import { isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import type { CatalogDocument, CompilerPeriod, EditionDenominator, Target } from './types';
import { COMPARATORS, COMPILER_FIELDS, DENOMINATOR_FIELDS, DOCUMENT_FIELDS, isWebAddress, TARGET_FIELDS } from './schema';
import { fieldNode, keyName, type YamlReader } from './yaml-reader';

/** One `compilers:` item: who compiled the figures, with the dates of their term. */
export function readCompiler(r: YamlReader, map: YAMLMap<Node, Node | null>): CompilerPeriod | undefined {
  const get = r.fieldsOf(map, COMPILER_FIELDS, { en: 'compiler', vi: 'cơ quan biên soạn' });
  const nameNode = get('name');
  if (!nameNode) {
    r.report(r.headRange(map), 'Compiler is missing `name`', 'Cơ quan biên soạn thiếu `name`');
    return undefined;
  }
  const name = r.str(nameNode, 'name');
  if (name === undefined) return undefined;
  const out: CompilerPeriod = { name: name.normalize('NFC') };
  const codesNode = get('codes');
  const codes = codesNode ? r.strList(codesNode, 'codes') : undefined;
  if (codes?.length) out.codes = codes;
  const fromNode = get('from');
  const untilNode = get('until');
  const from = fromNode ? r.isoDate(fromNode, 'from') : undefined;
  const until = untilNode ? r.isoDate(untilNode, 'until') : undefined;
  if ((fromNode && from === undefined) || (untilNode && until === undefined)) return undefined;
  if (from && until && from > until) {
    r.report(r.headRange(map), `Compiler \`${name}\`: \`from\` ${from} is after \`until\` ${until}`, `Cơ quan \`${name}\`: \`from\` ${from} sau \`until\` ${until}`);
    return undefined;
  }
  if (from) out.from = from;
  if (until) out.until = until;
  return out;
}

/** One `denominators:` item: how many are ranked in one edition. */
export function readDenominator(r: YamlReader, map: YAMLMap<Node, Node | null>): EditionDenominator | undefined {
  const get = r.fieldsOf(map, DENOMINATOR_FIELDS, { en: 'denominator', vi: 'mẫu số' });
  const periodNode = get('period');
  const valueNode = get('value');
  if (!periodNode || !valueNode) {
    r.report(r.headRange(map), `Denominator is missing \`${periodNode ? 'value' : 'period'}\``, `Mẫu số thiếu \`${periodNode ? 'value' : 'period'}\``);
    return undefined;
  }
  const period = r.str(periodNode, 'period');
  const value = r.num(valueNode, 'value');
  if (period === undefined || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    r.report(r.nodeRange(valueNode), `A denominator counts what is ranked: a whole number ≥ 1, not ${value}`, `Mẫu số là số đơn vị được xếp hạng: số nguyên ≥ 1, không phải ${value}`);
    return undefined;
  }
  return { period, value };
}

/** The top-level `documents:` list; broken and duplicate documents are reported and dropped. */
export function readDocuments(r: YamlReader, node: Node): CatalogDocument[] {
  const seen = new Set<string>();
  const docs = r.readList(node, 'documents', 'A document must be a mapping (id, title, date, url)', 'Mỗi văn bản phải là ánh xạ (id, title, date, url)', (map) => {
    const get = r.fieldsOf(map, DOCUMENT_FIELDS, { en: 'document', vi: 'văn bản' });
    const idNode = get('id');
    const titleNode = get('title');
    if (!idNode || !titleNode) {
      r.report(r.headRange(map), `Document is missing \`${idNode ? 'title' : 'id'}\``, `Văn bản thiếu \`${idNode ? 'title' : 'id'}\``);
      return undefined;
    }
    const id = r.str(idNode, 'id');
    const title = r.str(titleNode, 'title');
    if (id === undefined || title === undefined) return undefined;
    if (seen.has(id)) {
      r.report(r.nodeRange(idNode), `Duplicate document \`${id}\``, `Trùng văn bản \`${id}\``);
      return undefined;
    }
    seen.add(id);
    const doc: CatalogDocument = { id: id.normalize('NFC'), title: title.normalize('NFC') };
    const dateNode = get('date');
    const date = dateNode ? r.isoDate(dateNode, 'date') : undefined;
    if (date) doc.date = date;
    const urlNode = get('url');
    const url = urlNode ? r.str(urlNode, 'url') : undefined;
    if (url !== undefined) {
      if (isWebAddress(url)) doc.url = url;
      else if (urlNode) r.report(r.nodeRange(urlNode), `\`url\`: ${JSON.stringify(url)} is not an http(s) address`, `\`url\`: ${JSON.stringify(url)} không phải địa chỉ http(s)`);
    }
    return doc;
  });
  return docs ?? [];
}

/** `range: [min, max]`. */
export function readRange(r: YamlReader, node: Node): [number, number] | undefined {
  if (!isSeq(node) || node.items.length !== 2) {
    r.report(r.nodeRange(node), '`range` must be a list of two numbers [min, max]', '`range` phải là danh sách hai số [min, max]');
    return undefined;
  }
  const [a, b] = (node.items as Node[]).map((n) => r.num(n, 'range'));
  if (a === undefined || b === undefined) return undefined;
  if (a > b) {
    r.report(r.nodeRange(node), `\`range\` min ${a} is above max ${b}`, `\`range\`: giá trị nhỏ nhất ${a} lớn hơn giá trị lớn nhất ${b}`);
    return undefined;
  }
  return [a, b];
}

/** `targets:`, each read by readTarget. */
export function readTargets(r: YamlReader, node: Node): Target[] | undefined {
  if (!isSeq(node)) {
    r.report(r.nodeRange(node), '`targets` must be a list', '`targets` phải là danh sách');
    return undefined;
  }
  const out: Target[] = [];
  for (const item of node.items as (Node | null)[]) {
    if (!item) continue;
    if (!isMap(item)) {
      r.report(r.nodeRange(item), 'A target must be a mapping (value, period, source)', 'Mỗi mục tiêu phải là ánh xạ (value, period, source)');
      continue;
    }
    const t = readTarget(r, item as YAMLMap<Node, Node | null>);
    if (t) out.push(t);
  }
  return out;
}

/** One target: value, period, source, and an optional comparator. */
export function readTarget(r: YamlReader, map: YAMLMap<Node, Node | null>): Target | undefined {
  let ok = true;
  const get = (k: string) => fieldNode(map, k);
  for (const pair of map.items) {
    const key = keyName(pair);
    if (key === undefined || !TARGET_FIELDS.has(key)) {
      r.report(r.nodeRange(pair.key), `Unknown target field \`${key ?? '?'}\``, `Trường mục tiêu không hợp lệ \`${key ?? '?'}\``);
    }
  }
  const need = (k: string): Node | undefined => {
    const n = get(k);
    if (!n || (isScalar(n) && n.value === null)) {
      r.report(r.headRange(map), `Target is missing \`${k}\``, `Mục tiêu thiếu \`${k}\``);
      ok = false;
      return undefined;
    }
    return n;
  };
  const valueNode = need('value');
  const value = valueNode ? r.num(valueNode, 'value') : undefined;
  const periodNode = need('period');
  const period = periodNode ? r.str(periodNode, 'period') : undefined;
  const sourceNode = need('source');
  const source = sourceNode ? r.str(sourceNode, 'source') : undefined;
  const compNode = get('comparator');
  let comparator: Target['comparator'];
  if (compNode && !(isScalar(compNode) && compNode.value === null)) {
    const c = r.str(compNode, 'comparator');
    if (c !== undefined && COMPARATORS.includes(c as NonNullable<Target['comparator']>)) comparator = c as Target['comparator'];
    else {
      if (c !== undefined) r.report(r.nodeRange(compNode), `Unknown comparator \`${c}\` (gte, lte or eq)`, `Phép so sánh không hợp lệ \`${c}\` (gte, lte hoặc eq)`);
      ok = false;
    }
  }
  if (!ok || value === undefined || period === undefined || source === undefined) return undefined;
  return comparator ? { value, comparator, period, source } : { value, period, source };
}
