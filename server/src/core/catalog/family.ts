/**
 * Families of entries: the series one index publishes (its rank, its score, its level on a scale,
 * its ASEAN rank, its pillars) share a `family` (an entry with none belongs to the declared family
 * its id starts with: "egdi-rank" of "egdi"). Writers name the family by an abbreviation or the
 * index's bare name and let the figure's shape say the member: "EGDI đạt 0,6667" is the score,
 * "OSI xếp thứ 81" the rank, "2IPD đạt cấp độ 6" the level.
 *
 * Lookups shared by the markup detector, the dialect's resolution (analyze.ts) and the
 * reader's carry-over of a family across a paragraph:
 * - {@link members}: the entries of an entry's family (the entry included), catalog order;
 * - {@link memberFor}: the one main member of a shape (rank, score, level) and scope; "main" is a
 *   member whose subject (its name without the measure word, catalog/subjects.ts) is the named
 *   entry's, so a pillar ("Điểm trụ cột pháp lý của …") or a tier ("Bậc xếp hạng …") is none.
 * Pure; the per-catalog tables are built once (a catalog never changes).
 */
import type { Catalog } from './catalog';
import { foldKey } from './name-keys';
import { subjectKeysOf } from './subjects';
import type { Indicator, RankScope, SubjectEntry } from './types';

/** The shape of a figure a family member is measured in. */
export type FamilyShape = 'rank' | 'score' | 'level';

interface Families {
  /** Family key → its members, catalog order. */
  byKey: Map<string, Indicator[]>;
  keyOf: Map<Indicator, string>;
  /** Abbreviation families, built when first asked (undefined: not yet; null: none). */
  named: Map<Indicator, SubjectEntry[] | null>;
  /** Family key and folded abbreviation → the entries of other families that go by it. */
  namesakes: Map<string, Indicator[]>;
  /** ownMeasures of each entry asked, built when first asked (the detector asks per name and figure). */
  own: Map<Indicator, readonly Indicator[]>;
}

const tables = new WeakMap<Catalog, Families>();

function familiesOf(catalog: Catalog): Families {
  let t = tables.get(catalog);
  if (t) return t;
  const all = catalog.all();
  const declared = [...new Set(all.map((i) => i.family).filter((f): f is string => !!f))].sort((a, b) => b.length - a.length);
  t = { byKey: new Map(), keyOf: new Map(), named: new Map(), namesakes: new Map(), own: new Map() };
  for (const ind of all) {
    const key = ind.family ?? declared.find((f) => ind.id.startsWith(`${f}-`)) ?? ind.id;
    t.keyOf.set(ind, key);
    const list = t.byKey.get(key);
    if (list) list.push(ind);
    else t.byKey.set(key, [ind]);
  }
  tables.set(catalog, t);
  return t;
}

/** The shape an entry's figures have: a rank, a level on a scale ("cấp độ"), a score; null for any other measure. */
export function shapeOf(ind: Indicator): FamilyShape | null {
  if (ind.measure === 'rank') return 'rank';
  if (ind.unitClass !== 'index') return null;
  return /^(?:cấp độ|bậc|mức)$/iu.test(ind.unit.normalize('NFC')) ? 'level' : 'score';
}

/** The entries of `ind`'s family in catalog order (`ind`'s key is its id when the catalog has no family for it). */
function familyList(catalog: Catalog, ind: Indicator): Indicator[] {
  const t = familiesOf(catalog);
  return t.byKey.get(t.keyOf.get(ind) ?? ind.id) ?? [];
}

/** The entries of the family of `entryId` (the entry itself included), catalog order; [] for an unknown id. */
export function members(catalog: Catalog, entryId: string): Indicator[] {
  const ind = catalog.byId(entryId);
  return ind ? [...familyList(catalog, ind)] : [];
}

/**
 * The one main member of `shape` in the family of `familyOrEntry` (an entry, an entry id or a
 * family key: its first entry, the head), of `scope` (default: the named entry's own); undefined
 * when none or several. "Main": the head's own measures (ownMeasures).
 */
export function memberFor(catalog: Catalog, familyOrEntry: Indicator | string, shape: FamilyShape, scope?: RankScope): Indicator | undefined {
  const named = typeof familyOrEntry === 'string' ? catalog.byId(familyOrEntry) : familyOrEntry;
  // A family named by its key stands for its first entry (its head: the index's rank or score).
  const head = named ?? familiesOf(catalog).byKey.get(familyOrEntry as string)?.[0];
  if (!head || !familyList(catalog, head).length) return undefined;
  const want = scope ?? head.scope;
  const kept = ownMeasures(catalog, head).filter((m) => shapeOf(m) === shape && (want === undefined ? m.scope !== 'asean' && m.scope !== 'asia-pacific' : (m.scope ?? want) === want));
  return kept.length === 1 ? kept[0] : undefined;
}

/**
 * The family an abbreviation of `ind` names ("EGDI", "OSI", "2IPD"), as the entries a subject
 * gives (catalog/subjects.ts): the main member of each shape in the entry's scope and in ASEAN, the
 * entry itself `named` (its own when no figure decides). Null when the family has no other member
 * of another shape or scope (the abbreviation is the entry's alone). Built once per entry.
 */
export function abbreviationFamily(catalog: Catalog, ind: Indicator): SubjectEntry[] | null {
  const t = familiesOf(catalog);
  const known = t.named.get(ind);
  if (known !== undefined) return known;
  const out: SubjectEntry[] = [];
  const add = (m: Indicator | undefined) => {
    if (!m || out.some((e) => e.indicator === m)) return;
    const shape = shapeOf(m)!;
    out.push({ indicator: m, measure: shape === 'level' ? 'scale' : shape, province: /cấp tỉnh/iu.test(m.name.normalize('NFC')), ...(m === ind ? { named: true } : {}) });
  };
  if (shapeOf(ind)) {
    add(ind);
    const scope = ind.scope === 'asean' ? undefined : ind.scope;
    for (const shape of ['rank', 'score', 'level'] as const) {
      add(memberFor(catalog, ind, shape, scope));
      add(memberFor(catalog, ind, shape, 'asean'));
    }
  }
  const result = out.length > 1 ? out : null;
  t.named.set(ind, result);
  return result;
}

/** The members of `fit` whose range holds the figure's value (a score of 51,73 is no level 1–10). */
export function inRange(fit: readonly Indicator[], f: { value: number }): Indicator[] {
  return fit.filter((i) => !i.range || (f.value >= i.range[0] && f.value <= i.range[1]));
}

/**
 * The entry a family-named reference stands for, given the entries its bound figure fits
 * (series.ts byFigure) and that figure: the one it fits within its range, else the named entry (as
 * an alias naming its family does).
 */
export function familyChoice(entries: SubjectEntry[], fit: Indicator[], f?: { value: number }): Indicator | undefined {
  const kept = f ? inRange(fit, f) : fit;
  if (kept.length === 1) return kept[0];
  return entries.find((e) => e.named)?.indicator;
}

/** Folded words of a text, one space between them, with a space at each end (for word lookups). */
const wordsOf = (text: string): string => ` ${foldKey(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/**
 * Whether `text` names the compiler of another series that goes by the abbreviation too ("GCI" is
 * ITU's cyber security index, and "GCI 4.0" the WEF's competitiveness index: "GCI của WEF đạt
 * 61,5 điểm" is the WEF's), and no compiler of `ind`'s family: the abbreviation then names no
 * member of the family.
 */
export function namesakeCompilerNamed(catalog: Catalog, ind: Indicator, abbreviation: string, text: string): boolean {
  const t = familiesOf(catalog);
  const key = t.keyOf.get(ind);
  const abbr = wordsOf(abbreviation);
  // The other series that go by the abbreviation, once per catalog and abbreviation (none for most).
  let namesakes = t.namesakes.get(`${key}\0${abbr}`);
  if (!namesakes) {
    namesakes = catalog.all().filter((o) => t.keyOf.get(o) !== key && [o.name, ...(o.aliases ?? []), ...(o.abbreviations ?? [])].some((l) => wordsOf(l).includes(abbr)));
    t.namesakes.set(`${key}\0${abbr}`, namesakes);
  }
  if (!namesakes.length) return false;
  const written = wordsOf(text);
  const named = (i: Indicator) => (i.compilers ?? []).some((c) => [c.name, ...(c.codes ?? [])].some((w) => wordsOf(w).trim() && written.includes(wordsOf(w))));
  if (!namesakes.some(named)) return false;
  return !(t.byKey.get(key!) ?? []).some(named);
}

/**
 * The entries of `ind`'s family (an entry with no `family` is of the family its id starts with),
 * `ind` first, the rest in catalog order; `[ind]` when it has no family. The reader's carry-over of
 * a named index across a paragraph (parse/family-carry.ts, series.ts furtherSeries) asks.
 */
export function familyOf(catalog: Catalog, ind: Indicator): Indicator[] {
  return [ind, ...familyList(catalog, ind).filter((e) => e !== ind)];
}

/**
 * The members of `ind`'s family that measure the index itself (its rank, score, level, ASEAN rank),
 * not a pillar, criterion or component: those that share a subject with it (catalog/subjects.ts,
 * "Xếp hạng / Điểm / Cấp độ Chỉ số tích hợp phát triển bưu chính" and "… trong ASEAN"; not "Điểm
 * tiêu chí độ tin cậy của …" nor "Xếp hạng trụ cột chính quyền số cấp tỉnh").
 */
export function ownMeasures(catalog: Catalog, ind: Indicator): readonly Indicator[] {
  const t = familiesOf(catalog);
  let own = t.own.get(ind);
  if (!own) {
    const keys = new Set(subjectKeysOf(ind));
    own = familyOf(catalog, ind).filter((e) => e === ind || subjectKeysOf(e).some((k) => keys.has(k)));
    t.own.set(ind, own);
  }
  return own;
}

/** What of a figure tells the member: its kind, role, written scope, unit and value. */
export interface FigureShape {
  kind: string;
  role?: string;
  scope?: string;
  unit: string | null;
  value: number;
}

/**
 * The one member of the index's own measures (ownMeasures) that a figure's shape says: a rank
 * ("thứ 8/63", "vị trí thứ 8", "hạng 5") the rank of its scope (ASEAN or a region: the ASEAN rank;
 * else the world's or the country's), a level on a scale ("cấp độ 6") the level entry, a score
 * ("0,6924 điểm") the score entry; the value within the member's range. Null when none or several.
 */
export function memberByShape(catalog: Catalog, ind: Indicator, f: FigureShape): Indicator | null {
  const rank = f.kind === 'rank' || f.role === 'rank';
  const regional = f.scope === 'asean' || f.scope === 'region';
  const unit = (f.unit ?? '').normalize('NFC').toLowerCase();
  const scale = f.role === 'scale' || unit === 'cấp độ';
  // A rank written of Asia ("tại châu Á - Thái Bình Dương"): the family's Asia-Pacific rank, or none (docs/reading.md §25.2).
  if (rank && f.scope === 'asia') {
    const ap = inRange(familyOf(catalog, ind), f).filter((e) => e.measure === 'rank' && e.scope === 'asia-pacific');
    return ap.length === 1 ? ap[0] : null;
  }
  const fit = inRange(ownMeasures(catalog, ind), f).filter((e) => {
    // (a rank of no Asian scope is no Asia-Pacific rank: after an Asia-Pacific rank's name, "năm 2018 xếp thứ 50/175" is none)
    if (rank) return e.measure === 'rank' && (e.scope === 'asean') === regional && e.scope !== 'asia-pacific';
    if (scale) return e.unit.normalize('NFC').toLowerCase() === 'cấp độ';
    return unit === 'điểm' && e.measure === 'index' && e.unit.normalize('NFC').toLowerCase() === 'điểm';
  });
  return fit.length === 1 ? fit[0] : null;
}
