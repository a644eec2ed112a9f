/**
 * Reads a catalog file (`indicators:` list, the format of the embedded default and of a
 * workspace's `.policy-report/indicators.yaml`). Parsing never throws: every problem becomes a
 * CatalogError with the range of the offending node, and valid entries are kept beside broken ones.
 * This file walks the YAML; entry.ts validates one entry, fields.ts its structured fields,
 * yaml-reader.ts holds the primitive readers and the error list, schema.ts the accepted values.
 */
import { isMap, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { distinctYamlErrors } from '../yaml-errors';
import { LineIndex } from '../text';
import { yamlRefusal } from '../parse/guard';
import { msg, type Msg } from '../i18n';
import type { CatalogDocument, CatalogError, Indicator } from './types';
import { readIndicator } from './entry';
import { readDocuments } from './fields';
import { fieldNode, keyName, YamlReader } from './yaml-reader';
import { plainYaml } from './plain-yaml';
import defaultCatalogText from './default-catalog.yaml';

export { MEASURE_TYPES, UNIT_CLASSES, RANK_SCOPES, PERIOD_KINDS, INDICATOR_ID_PATTERN, isWebAddress } from './schema';

/** The uri recorded as `origin` of the embedded default catalog's entries. */
export const DEFAULT_CATALOG_URI = 'policy-report:default-catalog.yaml';

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
  const r = new YamlReader(text, lines, uri);
  const errors = r.errors;
  const indicators: Indicator[] = [];
  let documents: CatalogDocument[] | undefined;

  let doc: Pick<ReturnType<typeof parseDocument>, 'contents' | 'errors'>;
  try {
    // The embedded default's YAML by a reader of its plain subset (plain-yaml.ts; the same nodes), else the package.
    const plain = uri === DEFAULT_CATALOG_URI ? plainYaml(text) : null;
    doc = plain ? { contents: plain, errors: [] } : parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // The yaml package reports problems in doc.errors; this is only a guard for the contract.
    r.report(r.rangeOf(0, 0), `Cannot parse catalog: ${String(e)}`, 'Không đọc được danh mục');
    return documents ? { indicators, errors, documents } : { indicators, errors };
  }
  const syntaxSpans: Array<[number, number]> = [];
  for (const err of distinctYamlErrors(doc.errors)) {
    const [s, e] = err.pos;
    syntaxSpans.push([s, e]);
    r.report(r.rangeOf(s, e), `YAML syntax error (${err.code}): ${err.message}`, 'Lỗi cú pháp YAML');
  }
  /** A node that a syntax error touches holds whatever the parser recovered: skip it. */
  const brokenBySyntax = (node: Node): boolean => {
    const span = node.range;
    if (!span) return false;
    return syntaxSpans.some(([s, e]) => (s === e ? s >= span[0] && s < span[1] : s < span[1] && e > span[0]));
  };

  const root = doc.contents;
  if (!isMap(root)) {
    if (doc.errors.length === 0 || root) {
      r.report(
        root ? r.headRange(root) : r.rangeOf(0, 0),
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
      if (pair.value && !brokenBySyntax(pair.value)) documents = [...(documents ?? []), ...readDocuments(r, pair.value)];
    } else if (key !== '$schema') {
      r.report(r.nodeRange(pair.key), `Unknown top-level key \`${key ?? '?'}\` (expected \`indicators\` or \`documents\`)`, `Khóa không hợp lệ \`${key ?? '?'}\` (cần \`indicators\` hoặc \`documents\`)`);
    }
  }
  if (!list || !isSeq(list)) {
    if (!(list && brokenBySyntax(list))) {
      r.report(
        list ? r.nodeRange(list) : listKey ? r.nodeRange(listKey) : r.headRange(root),
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
      r.report(r.nodeRange(item), 'An indicator entry must be a mapping (id, name, measure…)', 'Mỗi chỉ tiêu phải là một ánh xạ (id, name, measure…)');
      continue;
    }
    const ind = readIndicator(r, item as YAMLMap<Node, Node | null>);
    if (!ind) continue;
    const idNode = fieldNode(item as YAMLMap<Node, Node | null>, 'id');
    const first = seenIds.get(ind.id);
    if (first) {
      const at = lines.positionAt(first.range?.[0] ?? 0);
      r.report(r.nodeRange(idNode), `Duplicate id \`${ind.id}\` (first defined on line ${at.line + 1})`, `Trùng id \`${ind.id}\` (đã khai báo ở dòng ${at.line + 1})`);
      continue;
    }
    if (idNode) seenIds.set(ind.id, idNode);
    ind.origin = { uri, range: r.nodeRange(item) };
    indicators.push(ind);
  }
  return documents ? { indicators, errors, documents } : { indicators, errors };
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

/** The embedded default catalog as parseCatalogYaml reads it (a host saves it: lsp/index-store.ts). */
export function defaultCatalogParsed(): ParsedCatalog {
  loadDefaultCatalog();
  return defaultCache!;
}

/**
 * The embedded default catalog's parse, from a host's saved copy of parseCatalogYaml's result for
 * this same text (lsp/index-store.ts checks the text's hash and the build): used instead of
 * parsing the YAML again (a quarter to a third of a second, before the first diagnostics). No
 * effect once the catalog is loaded; false then.
 */
export function restoreDefaultCatalog(parsed: ParsedCatalog): boolean {
  if (defaultCache) return false;
  defaultCache = parsed;
  return true;
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
