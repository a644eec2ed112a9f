/**
 * A catalog abbreviation a report defines for another index (issue 13 round 33, held37; reading.md
 * §69.1): "Chỉ số kết nối toàn cầu (GCI) năm 2019 của Huawei", "GCI (Chỉ số năng lực cạnh tranh toàn
 * cầu)". The catalog's "GCI" is ITU's cyber security index; when the defining words, an index's name
 * ("Chỉ số …"), share no word of their own with any name of the abbreviation's entry or its family
 * (GENERIC aside: the words every index's name may hold), the abbreviation written from the definition
 * on names that other index, no catalog entry, until the report defines it again with the entry's own
 * words ("an toàn, an ninh mạng toàn cầu (GCI)"). A variant of the entry's name ("Chỉ số an ninh mạng
 * toàn cầu (GCI)") shares its words, and one holding capitals ("CNTT-TT") may be the entry's
 * initials: no redefinition. The abbreviations the catalog does not read are
 * defined-abbreviations.ts's. Read once per text (one scan of its brackets). Pure.
 */
import { foldKey, type Catalog } from '../catalog/catalog';
import { familyOf } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import { registerCache } from '../caches';
import { work } from '../work';

/** Where a redefinition holds: from its bracket to the next definition in the entry's own words. */
interface Redefinition {
  abbr: string;
  from: number;
  to: number;
}

/** "(ABBR)" right at a bracket, or "ABBR (" right before one: 2–8 capitals (Đ included) or digits, a capital first. */
const IN_BRACKET = /^\(\s*([A-ZĐ][A-ZĐ0-9]{1,7})\s*\)/u;
const BEFORE = /(?<![\p{L}\p{N}])([A-ZĐ][A-ZĐ0-9]{1,7})\s*$/u;
/** "Chỉ số" opening an index's name in brackets ("GCI (Chỉ số …)"). */
const INDEX_OPENING = /^\(\s*((?:bộ\s+)?chỉ\s+số(?!\p{L})[^()\n]{3,80})\)/iu;
/**
 * Capitals within the defining words ("Chỉ số phát triển CNTT-TT (IDI)"): they may be the initials of
 * the entry's own words, which the word sets cannot tell: no redefinition.
 */
const INITIALS = /\p{Lu}{2}/u;
/** Words that end the defining words going back: punctuation, a line break, a bracket. */
const NAME_STOP = /[,.;:!?()\[\]\n|"“”]/u;
/** At most this many brackets a report are read; this many redefinitions kept. */
const MAX_BRACKETS = 800;
const MAX_REDEFINITIONS = 64;

let last: { text: string; catalog: Catalog; found: Redefinition[] } | null = null;
registerCache(() => {
  last = null;
});

function redefinitionsOf(text: string, catalog: Catalog): Redefinition[] {
  if (last && last.text === text && last.catalog === catalog) return last.found;
  const found: Redefinition[] = [];
  let brackets = 0;
  for (let q = text.indexOf('('); q >= 0 && ++brackets <= MAX_BRACKETS; q = text.indexOf('(', q + 1)) {
    work.steps++;
    const inside = IN_BRACKET.exec(text.slice(q, q + 14));
    if (inside) {
      define(catalog, found, inside[1], q, wordsBefore(text, q));
      continue;
    }
    const before = BEFORE.exec(text.slice(Math.max(0, q - 12), q));
    const index = before && INDEX_OPENING.exec(text.slice(q, q + 90));
    if (before && index) define(catalog, found, before[1], q - before[0].length, { words: index[1], index: true });
  }
  last = { text, catalog, found };
  return found;
}

/** One definition of `abbr` at `at` by `words`: opens a redefinition, or closes the open one. */
function define(catalog: Catalog, found: Redefinition[], abbr: string, at: number, { words, index }: { words: string; index: boolean }): void {
  const m = catalog.resolve(abbr);
  if (m.kind !== 'abbreviation' || found.length >= MAX_REDEFINITIONS) return;
  const said = contentWords(words);
  if (!said.length) return;
  const open = found.find((d) => d.abbr === abbr && d.to === Infinity);
  if (said.some((w) => ownWordsOf(catalog, m.indicator).has(w))) {
    if (open) open.to = at;
  } else if (!open && index && !INITIALS.test(words)) found.push({ abbr, from: at, to: Infinity });
}

/** The words before `at` within their clause (NAME_STOP), from its last "chỉ số" (`index`) when it has one. */
function wordsBefore(text: string, at: number): { words: string; index: boolean } {
  const head = text.slice(Math.max(0, at - 200), at);
  let stop = -1;
  for (let i = head.length - 1; i >= 0; i--)
    if (NAME_STOP.test(head[i])) {
      stop = i;
      break;
    }
  const clause = head.slice(stop + 1);
  let from = -1;
  for (const x of clause.matchAll(/(?<!\p{L})chỉ\s+số(?!\p{L})/giu)) from = x.index!;
  return { words: clause.slice(Math.max(0, from)), index: from >= 0 };
}

/** Words any index's name may hold: the head, the world, a measure's kind, joining words. */
const GENERIC = new Set(['chi', 'so', 'bo', 'toan', 'cau', 'the', 'gioi', 'quoc', 'te', 'gia', 'cua', 've', 'va', 'nam', 'bang', 'xep', 'hang', 'diem', 'phat', 'trien', 'muc', 'do', 'chung', 'tong', 'hop', 'nhom', 'bac', 'tieu']);
const contentWords = (words: string): string[] => foldKey(words).split(/[^a-z0-9]+/).filter((w) => w && !GENERIC.has(w));

/** The content words of every name, alias and abbreviation of an entry's family, once per catalog and entry. */
const ownWords = new WeakMap<Catalog, Map<Indicator, Set<string>>>();
function ownWordsOf(catalog: Catalog, ind: Indicator): Set<string> {
  let byEntry = ownWords.get(catalog);
  if (!byEntry) ownWords.set(catalog, (byEntry = new Map()));
  let out = byEntry.get(ind);
  if (!out) {
    out = new Set(familyOf(catalog, ind).flatMap((e) => [e.name, ...(e.aliases ?? []), ...(e.abbreviations ?? [])].flatMap(contentWords)));
    byEntry.set(ind, out);
  }
  return out;
}

/** Whether words written at `at` (absolute) hold, as a word, a catalog abbreviation the report redefined before for another index. */
export function redefinedAbbreviation(text: string, catalog: Catalog, written: string, at: number): boolean {
  if (written.length > 200) return false;
  const found = redefinitionsOf(text, catalog);
  return found.some((d) => d.from <= at && at < d.to && new RegExp(`(?<![\\p{L}\\p{N}])${d.abbr}(?![\\p{L}\\p{N}])`, 'u').test(written));
}
