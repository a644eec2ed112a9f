/**
 * A new entry of a workspace catalog, drafted from what a report writes: the name as written, a
 * measure and unit inferred from the bound figure (or given on the command line), the compiler the
 * sentence names. Used by the unknown-indicator quick fix and by `policy-report catalog add`; the
 * edit that adds it to `.policy-report/indicators.yaml` only inserts text (the file's bytes, its
 * indentation and line ends are kept). Pure: the caller reads and writes the file.
 */
import { parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';
import { msg, type Msg } from '../i18n';
import type { Figure } from '../types';
import type { Catalog } from './catalog';
import { foldKey } from './catalog';
import { INDICATOR_ID_PATTERN, MAX_CATALOG_CHARS, MEASURE_TYPES } from './load';
import { yamlRefusal } from '../parse/guard';
import type { EditionDenominator, Indicator, MeasureType, RankScope } from './types';

/** An entry to add, as it will be written. */
export interface EntryDraft {
  id: string;
  name: string;
  measure: MeasureType;
  unit: string;
  unitClass: Indicator['unitClass'];
  range?: [number, number];
  compiler?: string;
  compilerCodes?: string[];
  denominators?: EditionDenominator[];
  scope?: RankScope;
  description: string;
  descriptionEn: string;
}

/** What is known of the indicator to add. */
export interface EntryHints {
  /** The name as written in the report (or on the command line). */
  name: string;
  /** The figure the reference is bound to. */
  figure?: Figure | null;
  /** The sentence (or table row) the reference is in: the compiler may be named there. */
  sentence?: string;
  /** The code after "@" in the reference, if any. */
  compilerCode?: string;
  /** The figure's period (for a rank's denominator of that edition). */
  period?: string | null;
  /** Given explicitly (command line): win over what is inferred. */
  unit?: string;
  measure?: MeasureType;
  compiler?: string;
  /** Where the name was found, for the description ("du-thao.report.md"); absent: the command line. */
  source?: string;
}

/** The compiler a sentence names: "theo Bộ Tài chính", "Tổng cục Thống kê", "Cục Thống kê". */
export function compilerInSentence(sentence: string): string | undefined {
  const s = sentence.normalize('NFC');
  const ministry = /(?:^|[\s,(])(?:[Tt]heo|[Cc]ủa|[Dd]o)\s+(Bộ\s+[^,.;:()[\]<>!?\n]+)/u.exec(s);
  if (ministry) {
    const words = ministry[1].split(/\s+/).filter(Boolean);
    const kept: string[] = [];
    for (const [k, w] of words.slice(0, 8).entries()) {
      const lower = w.toLowerCase();
      if (kept.length > 1 && (COMPILER_STOP.has(lower) || (lower === 'công' && words[k + 1]?.toLowerCase() === 'bố'))) break;
      kept.push(w);
    }
    while (kept.length > 1 && /^(?:và|về|của)$/u.test(kept[kept.length - 1])) kept.pop();
    if (kept.length > 1) return kept.join(' ');
  }
  const office = /(Tổng cục Thống kê|Cục Thống kê(?: \(Bộ Tài chính\))?)/u.exec(s);
  if (office) return office[1];
  return undefined;
}

/** Words that end a ministry's name in a sentence ("theo Bộ Công Thương năm 2024 đạt…"). */
const COMPILER_STOP = new Set(['đạt', 'là', 'cho', 'thì', 'năm', 'đã', 'có', 'ước', 'tăng', 'giảm', 'với', 'trong', 'tại', 'đến', 'tính', 'quý', 'tháng', 'số', 'tỷ', 'tỉ']);

/** The set a rank is taken over, as the name or sentence says it: "trong ASEAN", "thế giới". */
export function scopeIn(text: string): RankScope | undefined {
  const t = foldKey(text);
  if (/\basean\b|dong nam a/.test(t)) return 'asean';
  if (/chau a\s*-?\s*thai binh duong/.test(t)) return 'asia-pacific';
  if (/\bchau a\b/.test(t)) return 'asia';
  if (/the gioi|toan cau|lien hop quoc|quoc gia va vung lanh tho|nen kinh te/.test(t)) return 'world';
  if (/cap tinh|tinh, thanh pho|dia phuong|cap bo|bo, nganh/.test(t)) return 'national';
  return undefined;
}

/** The unit class a unit implies ("%", "USD", "điểm", "hạng", or a counted noun). */
export function unitClassOf(unit: string): Indicator['unitClass'] {
  const u = foldKey(unit);
  if (u === '%' || u === 'phan tram') return 'percent';
  if (/^(?:usd|vnd|dong|ty dong|trieu dong|trieu usd|ty usd|nghin ty dong)$/.test(u)) return 'currency';
  if (u === 'diem') return 'index';
  if (u === 'hang' || u === 'bac') return 'rank';
  return 'count';
}

/** What a name says it measures when no figure says it: "Tỷ lệ …" a share, "Xếp hạng …" a rank. */
function measureOfName(name: string): { measure: MeasureType; unit: string } | undefined {
  const n = foldKey(name);
  if (/^(?:ti le|ti trong)\b/.test(n)) return { measure: 'ratio', unit: '%' };
  if (/^(?:tang truong|toc do tang)\b/.test(n)) return { measure: 'growth', unit: '%' };
  if (/^(?:xep hang|thu hang)\b/.test(n)) return { measure: 'rank', unit: 'hạng' };
  if (/^(?:diem|chi so)\b/.test(n)) return { measure: 'index', unit: 'điểm' };
  return undefined;
}

/** A kebab-case id from a name ("Số trạm sạc xe điện" → so-tram-sac-xe-dien), unique in the catalog. */
export function idFor(name: string, catalog: Catalog, taken: Iterable<string> = []): string {
  const words = foldKey(name).split(/[^a-z0-9]+/).filter(Boolean);
  let base = '';
  for (const w of words) {
    if (base && base.length + 1 + w.length > 60) break;
    base = base ? `${base}-${w}` : w;
  }
  if (!base || !INDICATOR_ID_PATTERN.test(base)) base = 'indicator';
  const used = new Set(taken);
  let id = base;
  for (let k = 2; catalog.byId(id) || used.has(id); k++) id = `${base}-${k}`;
  return id;
}

/** Drafts the entry, or says why it cannot (no unit to infer, a measure that does not exist). */
export function draftEntry(h: EntryHints, catalog: Catalog, takenIds: Iterable<string> = []): EntryDraft | { error: Msg } {
  const name = h.name.replace(/\s+/g, ' ').trim();
  if (!name) return { error: msg('Thiếu tên chỉ tiêu.', 'The indicator name is missing.') };
  if (h.measure && !(MEASURE_TYPES as readonly string[]).includes(h.measure))
    return { error: msg(`Kiểu đo "${h.measure}" không hợp lệ (${MEASURE_TYPES.join(', ')}).`, `Unknown measure "${h.measure}" (${MEASURE_TYPES.join(', ')}).`) };
  const f = h.figure ?? undefined;
  let measure: MeasureType | undefined;
  let unit: string | undefined;
  let unitClass: Indicator['unitClass'] | undefined;
  let range: [number, number] | undefined;
  let denominators: EditionDenominator[] | undefined;
  const byName = measureOfName(name);
  if (f) {
    if (f.kind === 'rank') {
      measure = 'rank';
      unit = 'hạng';
      unitClass = 'rank';
      if (f.denominator) {
        range = [1, f.denominator];
        if (h.period && /^\d{4}$/.test(h.period)) denominators = [{ period: h.period, value: f.denominator }];
      }
    } else if (f.kind === 'fraction') {
      measure = 'fraction';
      unit = f.unit ?? 'đơn vị';
      unitClass = 'count';
    } else if (f.unitClass === 'percent') {
      const growth = f.growth || !!f.change || byName?.measure === 'growth';
      measure = growth ? 'growth' : 'ratio';
      unit = '%';
      unitClass = 'percent';
      if (!growth) range = [0, 100];
    } else if (f.unitClass === 'currency') {
      measure = 'flow';
      unit = f.unit ?? 'đồng';
      unitClass = 'currency';
    } else if (f.unitClass === 'points') {
      measure = 'index';
      unit = 'điểm';
      unitClass = 'index';
    } else if (f.unitClass === 'rank') {
      measure = 'rank';
      unit = f.unit ?? 'bậc';
      unitClass = 'rank';
    } else if (f.unit) {
      measure = 'stock';
      unit = f.unit;
      unitClass = 'count';
    }
  }
  if (h.unit) {
    unit = h.unit.trim();
    unitClass = unitClassOf(unit);
    if (unitClass !== 'percent' || measure === 'growth') range = undefined;
    if (unitClass === 'percent' && !measure) range = [0, 100];
  }
  if (!unit && byName) unit = byName.unit;
  measure = h.measure ?? measure ?? byName?.measure ?? (unitClass === 'currency' ? 'flow' : unit ? (unitClassOf(unit) === 'percent' ? 'ratio' : 'stock') : undefined);
  if (!unit || !measure)
    return {
      error: msg(
        `Không suy ra được đơn vị của "${name}": cho biết --unit (ví dụ "%", "USD", "doanh nghiệp").`,
        `Cannot infer the unit of "${name}": give --unit (e.g. "%", "USD", "doanh nghiệp").`,
      ),
    };
  unitClass ??= unitClassOf(unit);
  if (measure === 'rank' && unitClass !== 'rank') unitClass = 'rank';
  if (measure !== 'ratio' && measure !== 'fraction' && range?.[1] === 100 && range[0] === 0 && unitClass !== 'percent') range = undefined;
  const scope = measure === 'rank' || measure === 'index' ? scopeIn(name) ?? (h.sentence ? scopeIn(h.sentence) : undefined) : undefined;
  const compiler = h.compiler?.trim() || (h.sentence ? compilerInSentence(h.sentence) : undefined) || h.compilerCode;
  const where = h.source ? msg(`từ báo cáo ${h.source}`, `from the report ${h.source}`) : msg('bằng lệnh catalog add', 'with catalog add');
  return {
    id: idFor(name, catalog, takenIds),
    name,
    measure,
    unit,
    unitClass,
    ...(range ? { range } : {}),
    ...(compiler ? { compiler } : {}),
    ...(h.compilerCode ? { compilerCodes: [h.compilerCode] } : {}),
    ...(denominators ? { denominators } : {}),
    ...(scope ? { scope } : {}),
    description: `Thêm ${where.vi}; cần bổ sung định nghĩa, nguồn và cơ quan biên soạn.`,
    descriptionEn: `Added ${where.en}; definition, source and compiler to be completed.`,
  };
}

/** A YAML scalar: plain where that reads back as the same string, else double-quoted. */
function scalar(s: string): string {
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N}\p{M} ,.%()/'-]*$/u.test(s) &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?[\d.]+(?:e[-+]?\d+)?)$/i.test(s) &&
    !/[,]$/.test(s);
  return plain ? s : JSON.stringify(s);
}

/** The entry's lines (a YAML mapping, no indentation), in the catalog's field order. */
export function entryLines(e: EntryDraft): string[] {
  const lines = [`id: ${e.id}`, `name: ${scalar(e.name)}`, `measure: ${e.measure}`, `unit: ${scalar(e.unit)}`, `unitClass: ${e.unitClass}`];
  if (e.range) lines.push(`range: [${e.range[0]}, ${e.range[1]}]`);
  if (e.compiler) lines.push(`compiler: ${scalar(e.compiler)}`);
  if (e.compilerCodes) lines.push(`compilerCodes: [${e.compilerCodes.map((c) => JSON.stringify(c)).join(', ')}]`);
  if (e.scope) lines.push(`scope: ${e.scope}`);
  if (e.denominators) {
    lines.push('denominators:');
    for (const d of e.denominators) lines.push(`  - { period: "${d.period}", value: ${d.value} }`);
  }
  lines.push(`description: ${JSON.stringify(e.description)}`, `descriptionEn: ${JSON.stringify(e.descriptionEn)}`);
  return lines;
}

/** Text to insert at `offset` of the catalog file (offset 0 of an empty text when it is created). */
export interface CatalogAddition {
  /** The file does not exist yet: `text` is its whole content. */
  create: boolean;
  offset: number;
  text: string;
  /** Offset of the new entry's "- id:" in the file once the text is inserted. */
  entryOffset: number;
}

/** The first line of a catalog file the tools create. */
export function schemaComment(schema: string | undefined): string {
  return schema ? `# yaml-language-server: $schema=${schema}` : '';
}

/**
 * Where and what to insert to add `entry` to a catalog file whose text is `current` (undefined: the
 * file does not exist). Null when the file cannot be parsed or has no block `indicators:` list to
 * append to by insertion alone (a flow list "[…]", a top level that is not a mapping).
 */
export function catalogAddition(current: string | undefined, entry: EntryDraft, schema?: string): CatalogAddition | null {
  const lines = entryLines(entry);
  if (current === undefined || current.trim() === '') {
    const eol = current?.includes('\r\n') ? '\r\n' : '\n';
    const head = [schemaComment(schema), 'indicators:'].filter(Boolean);
    const prefix = current ?? '';
    const sep = prefix && !/\n$/.test(prefix) ? eol : '';
    const before = prefix + sep + head.join(eol) + eol;
    const item = itemText(lines, '  ', '    ', eol);
    return { create: current === undefined, offset: prefix.length, text: sep + head.join(eol) + eol + item, entryOffset: before.length + 2 };
  }
  if (yamlRefusal(current, MAX_CATALOG_CHARS)) return null;
  const doc = parseDocument(current);
  if (doc.errors.length) return null;
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) {
    // Comments only: the list goes at the end.
    const sep = /\n$/.test(current) ? '' : eol;
    const text = `${sep}indicators:${eol}${itemText(lines, '  ', '    ', eol)}`;
    return { create: false, offset: current.length, text, entryOffset: current.length + sep.length + 'indicators:'.length + eol.length + 2 };
  }
  if (!isMap(root)) return null;
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'indicators');
  if (!pair) {
    const sep = /\n$/.test(current) ? '' : eol;
    const text = `${sep}indicators:${eol}${itemText(lines, '  ', '    ', eol)}`;
    return { create: false, offset: current.length, text, entryOffset: current.length + sep.length + 'indicators:'.length + eol.length + 2 };
  }
  const value = pair.value as Node | null;
  if (value === null || (isScalar(value) && value.value === null)) {
    // "indicators:" with nothing after it: the items go on the lines after the key.
    const keyEnd = (pair.key as Node).range![1];
    const at = lineEnd(current, keyEnd);
    const col = columnOf(current, (pair.key as Node).range![0]);
    const dash = ' '.repeat(col + 2);
    const sep = at === current.length && !/\n$/.test(current) ? eol : '';
    const text = sep + itemText(lines, dash, dash + '  ', eol);
    return { create: false, offset: at, text, entryOffset: at + sep.length + dash.length };
  }
  if (!isSeq(value) || value.flow || value.items.length === 0) return null;
  const first = value.items[0] as Node;
  const last = value.items[value.items.length - 1] as Node;
  if (!first.range || !last.range || !value.range) return null;
  const dashCol = columnOf(current, value.range[0]);
  const keyCol = isMap(first) ? columnOf(current, first.range[0]) : dashCol + 2;
  if (keyCol <= dashCol) return null;
  // After the last item's last non-blank character, at the end of its line.
  let end = last.range[1];
  while (end > 0 && /\s/.test(current[end - 1])) end--;
  const at = lineEnd(current, end);
  const sep = at === current.length && !/\n$/.test(current) ? eol : '';
  const blank = /\n\s*\n\s*-/.test(current.slice(value.range[0], last.range[1])) ? eol : '';
  const text = sep + blank + itemText(lines, ' '.repeat(dashCol), ' '.repeat(keyCol), eol);
  return { create: false, offset: at, text, entryOffset: at + sep.length + blank.length + dashCol };
}

/** One list item: "- " before the first line at `dash`, the others at `keys`. */
function itemText(lines: string[], dash: string, keys: string, eol: string): string {
  return lines.map((l, i) => (i === 0 ? `${dash}- ${l}` : `${keys}${l}`)).join(eol) + eol;
}

/** The offset just after the line break that ends the line holding `offset` (or the text's end). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function columnOf(text: string, offset: number): number {
  const start = Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  return offset - start;
}
