/**
 * Subjects: press text often names an indicator by its subject alone ("Kinh tế số … tăng trưởng
 * 22,4%", "xếp thứ 5/11 tại Đông Nam Á về Chính phủ điện tử", "chính quyền số của tỉnh xếp thứ
 * 12") and lets the figure and the words beside it say what is measured: a rank, a growth rate, a
 * revenue, a score. A subject is a catalog name or alias with its measure prefix ("xếp hạng",
 * "thứ hạng", "tăng trưởng", "tốc độ tăng trưởng", "doanh thu", "điểm"), an optional "chỉ số" or
 * "trụ cột" after it, and its tails ("của Việt Nam", "của Liên Hợp Quốc", "cấp tỉnh", "trong
 * ASEAN") taken off. The figure the checker's binder gives the subject's words picks the one entry
 * of the subject it fits (pickBySubject); none or several → the subject is not marked.
 *
 * The dialect resolves `[[subject]]` by the figure it binds, with this same choice (series.ts
 * byFigure): `wrap` marks a subject as written when that figure picks the entry, `canonical` marks
 * it with the entry's name. Pure; the index is the catalog's (catalog/subjects.ts).
 */
import type { Catalog } from '../catalog/catalog';
import { inRange } from '../catalog/family';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure, RankScopeWritten } from '../types';
import type { SubjectIndex } from '../catalog/subjects';
import type { SubjectEntry } from '../catalog/types';
import { work } from '../work';
import { fits } from './judge';
import { ownerProvince } from '../provinces';
import { leadAboutProvince } from './piece-lead';
import type { TableLead } from './table-lead';
import { asRankFigure } from '../parse/table-measures';
import { ofGdp, opensWithWhole } from '../catalog/gdp-share';
import { partOfSubject, wholeVerbAlone } from './share-verb';
import { PLANNED } from '../parse/subject-words';
import { provinceFacts } from '../catalog/provincial';
import type { Token } from './name-index';

export type { SubjectEntry, SubjectMeasure } from '../catalog/types';
export type { SubjectIndex } from '../catalog/subjects';

/** Growth words: a percentage after one of these is a rate of growth ("tăng trưởng 22,4%", "tăng 11%"). */
const GROWTH_WORD = /(?:^|[^a-z0-9])tang(?:[^a-z0-9]|$)/;

/** The subjects of a catalog's names and aliases (built once per catalog). */
export function subjectIndex(catalog: Catalog): SubjectIndex {
  return catalog.subjects();
}

/** A subject found in a part's words: token range, offsets, entries. */
export interface SubjectHit {
  first: number;
  last: number;
  start: number;
  end: number;
  entries: SubjectEntry[];
}

/** The subjects in `tokens` (of `text`) outside the token indices `covered`, longest first at each word, not overlapping. */
export function subjectsIn(text: string, tokens: Token[], idx: SubjectIndex, covered: (t: number) => boolean): SubjectHit[] {
  const out: SubjectHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    work.steps++;
    if (!idx.firstWords.has(tokens[i].folded) || covered(i)) continue;
    // The keys of the phrases starting here, shortest first; words of one phrase have only spaces
    // between them ("trụ cột, chính quyền số" is no subject).
    let key = tokens[i].folded;
    let hit: SubjectHit | null = null;
    for (let n = 2; n <= idx.maxWords && i + n <= tokens.length; n++) {
      work.steps++;
      const k = i + n - 1;
      if (covered(k) || !/^[ \t]+$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      key += ' ' + tokens[k].folded;
      const entries = idx.entries.get(key);
      // (a network named alone in a text with no speed and no rank names none: "Ở băng rộng di động, số thuê bao là 85,7 triệu")
      if (entries && !(entries.every((e) => e.network) && !SPEED_OR_RANK.test(text))) hit = { first: i, last: k, start: tokens[i].start, end: tokens[k].end, entries };
    }
    if (hit) {
      out.push(hit);
      i = hit.last;
    }
  }
  return out;
}

/**
 * A rank written out of the number of units the entry ranks ("xếp thứ 3/63" of an entry ranking the
 * 63 provinces: catalog `range` maximum or a `denominators` value, `denominatorOf` naming provinces):
 * the figure itself says the sentence is about a province.
 */
function outOfItsUnits(ind: Indicator, f: Figure): boolean {
  if (f.denominator === undefined || !provinceFacts(ind).countsProvinces) return false;
  return ind.range?.[1] === f.denominator || (ind.denominators ?? []).some((d) => d.value === f.denominator);
}

/**
 * The entries of a subject the bound figure can be: a rank figure a rank entry of the scope it is
 * written with (none: not an ASEAN one); a percentage after a growth word ("tăng trưởng 22,4%")
 * a growth entry, otherwise not; a figure the entry's unit fits; a "cấp tỉnh" entry only in a
 * sentence about a province, or for a rank written out of the provinces it ranks ("thứ 3/63"); of
 * several, the ones whose range holds the value.
 */
/** A speed written as a unit ("Mbps", "Mb/giây", "Gbps"). */
const SPEED_UNIT = /^(?:[kmg]b(?:ps|\/s|\/giây)|[kmg]bit\/s)$/iu;
/** A speed's unit or a rank's words in a text (a network named alone names its speed or its speed's rank only beside one). */
const SPEED_OR_RANK = /\d\s*(?:[kmg]b(?:ps|\/s|\/giây)|[kmg]bit\/s)|(?<![\p{L}])(?:thứ|hạng|vị trí)\s+(?:thứ\s+)?\d/iu;
/** An upload's words: a network's speed "khi tải lên", "tốc độ tải lên" is no download speed. */
const UPLOAD = /tai len|upload/u;
/** The world's average: "bình quân toàn cầu của mạng di động", "mức trung bình thế giới". */
const WORLD_AVERAGE = /(?:binh quan|trung binh)(?: \S+){0,2} (?:toan cau|the gioi|khu vuc)|muc (?:binh quan|trung binh)/u;

/** Words before a network named alone that make its figure no speed of the country's own (an upload's, the world's average). */
export function notTheNetworksOwn(before: string): boolean {
  const folded = foldKey(before);
  return UPLOAD.test(folded) || WORLD_AVERAGE.test(folded);
}

/** How far back in its sentence a network named alone is looked behind for a place or the world's average. */
export const SENTENCE_BEFORE = 120;

/**
 * Class network-not-own (round 35, speed35; docs/reading.md §83): the sentence before a network named
 * alone, back to its start or {@link SENTENCE_BEFORE} characters, sets its figures elsewhere: a
 * province or city owns them ("Tại Đà Nẵng, tốc độ tải về của mạng cố định lên tới …"), or the
 * world's average opens a list the network ends ("Tốc độ trung bình toàn cầu lần lượt là 39,77 Mbps
 * với mạng di động và 78,62 Mbps với mạng cố định": past the clause's 64 characters).
 * `upTo`: the {@link SENTENCE_BEFORE} characters of the unit's text before the network's words.
 */
export function networkSetElsewhere(upTo: string): boolean {
  const sentence = upTo.split(/[.!?](?!\d)\s+/).pop() ?? '';
  return ownerProvince(sentence) !== null || notTheNetworksOwn(sentence.split(/[;(]/).pop() ?? '');
}

/**
 * A network named alone (SubjectEntry `network`: "băng rộng cố định đạt 93,11 Mbps", "Internet cố
 * định đứng thứ 46") names its speed only by a level in the speed's unit, no change, no upload, and
 * its speed's rank only by a rank: its counts, shares and changes are other entries' or none.
 */
function networkFigure(e: SubjectEntry, f: Figure, role: string, between: string, after: string): boolean {
  if (e.measure === 'rank') return !f.change;
  // (the words after the figure up to its clause's end: "93,4 Mbps khi tải lên" is an upload; in
  // "40,15 Mb/giây, tải lên 19,77 Mb/giây" the upload is the next clause's figure, class upload-after, round 18)
  const own = after.slice(0, after.search(CLAUSE_BREAK) + 1 || after.length);
  return !f.change && role !== 'change' && !!f.unit && SPEED_UNIT.test(f.unit) && !UPLOAD.test(foldKey(between + ' ' + own));
}
/** A place out of the 63 provinces ("thứ 30/63", "xếp thứ 45/63 và 41/63", "hạng 39/63"): the sentence ranks provinces. */
const OUT_OF_PROVINCES = /(?<![\p{L}])(?:thứ|hạng|vị trí)\s+(?:thứ\s+)?\d{1,2}\s*\/\s*63(?![\d,.]\d|\d)/iu;
/** Where a figure's clause ends in the words after it. */
const CLAUSE_BREAK = /[,;:()]|\.(?!\d)/;

export function pickBySubject(
  entries: SubjectEntry[],
  f: Figure,
  role: string,
  scope: RankScopeWritten | undefined,
  between: string,
  sentence: string,
  lead = '',
  after = '',
  table: TableLead | null = null,
): Indicator[] {
  // (`after` is up to 64 characters: a whole's own words may run past the 24 the other measures read, round 33)
  const whole64 = after;
  after = after.slice(0, 24);
  // (a body row's subject: the measure of its figure's column, and the table's province; table-lead.ts)
  if (table?.measure === 'rank' && !f.change) [f, role] = [asRankFigure(f), 'rank'];
  const foldedBetween = foldKey(between);
  const rank = f.kind === 'rank' || role === 'rank';
  const growth = GROWTH_WORD.test(foldedBetween) && (f.kind === 'percent' || f.unitClass === 'percent');
  // ("tỉnh" with its accents: folded, it is also the "tính" of "ước tính".)
  // (a piece after ";" about the province its sentence named or said before it: piece-lead.ts)
  // (a rank out of the 63 provinces in the sentence says it too: "chính quyền số …: đạt 0,6674, đứng thứ 30/63", reading.md §54)
  const province = !!table?.province || /(?<![\p{L}\p{N}])tỉnh(?![\p{L}\p{N}])/iu.test(sentence.normalize('NFC')) || ownerProvince(sentence) !== null || leadAboutProvince(lead, sentence) || OUT_OF_PROVINCES.test(sentence);
  // A percentage of GDP ("đạt 18,3% GDP") is the subject's "% GDP" share, and only it (catalog/gdp-share.ts).
  const gdp = f.kind === 'percent' && !f.change && ofGdp(after);
  // A percentage with another whole after it ("chiếm 8,5% tổng mức bán lẻ …") is the subject's share
  // of that whole, and only it (catalog/gdp-share.ts, round 33).
  // (only the share's verb between, and no plan or forecast in the sentence: share-verb.ts wholeVerbAlone)
  const ofWhole = (e: SubjectEntry): boolean =>
    e.measure === 'whole' && f.kind === 'percent' && !f.change && !!e.whole && opensWithWhole(whole64, e.whole) && wholeVerbAlone(between) && !PLANNED.test(sentence);
  const whole = !gdp && entries.some(ofWhole);
  if ((gdp || whole) && partOfSubject(between)) return []; // ("kinh tế số lõi chiếm 7,42% GDP": a part's share, share-verb.ts)
  const kept = entries.filter((e) => {
    if (e.network && !networkFigure(e, f, role, between, after)) return false;
    if (e.province && !province && !outOfItsUnits(e.indicator, f)) return false;
    if ((e.measure === 'gdp') !== gdp) return false;
    if (e.measure === 'whole' ? !ofWhole(e) : whole) return false;
    if (rank !== (e.measure === 'rank')) return false;
    if (e.measure === 'growth' ? !growth : growth && e.indicator.unitClass === 'percent') return false;
    if (rank) {
      const asean = e.indicator.scope === 'asean';
      if ((scope === 'asean' || scope === 'region') !== asean) return false;
    }
    return fits(e.indicator, f);
  });
  // A percent after a growth word is the growth entry's, not a change of the count beside it
  // ("giao dịch thanh toán không dùng tiền mặt tăng 59%": catalog/count-members.ts).
  const grown = growth ? kept.filter((e) => e.measure === 'growth') : [];
  const out = [...new Set((grown.length ? grown : kept).map((e) => e.indicator))];
  // Several entries of a unit (a score, a level on a scale): those whose range holds the value
  // ("51 điểm" is no level 1–10), when any does (catalog/family.ts inRange).
  const held = out.length > 1 ? inRange(out, f) : out;
  return held.length ? held : out;
}
