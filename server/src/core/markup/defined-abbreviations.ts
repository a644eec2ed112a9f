/**
 * Abbreviations a report defines (reading.md §26): "<name> (ABBR)" or "ABBR (<name>)", the name one
 * the catalog reads (a name, an alias, the subject of a pillar's entries: "trụ cột chính quyền số
 * (CQS)"), defines ABBR for the rest of that report; a later "CQS xếp thứ 40/63" names what the
 * defining words name. Read once per text (one bounded scan for brackets); only 2–8 capitals or
 * digits; an abbreviation the catalog already reads (any entry's) is never redefined, and one the
 * report defines twice, for two different things, is dropped from its second definition on.
 * `[[ABBR]]` does not resolve under the dialect (the catalog knows no such abbreviation): the
 * detector's name is fuzzy, so `canonical` writes the entry's name and `wrap` lists the words
 * (`variant-name`, mention.ts). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { registerCache } from '../caches';
import type { Indicator, NameMatch, SubjectEntry } from '../catalog/types';
import { tokenize } from './name-index';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import { subjectCandidate, type NameContext } from './subject-names';

/** One definition: the abbreviation, where it starts to hold, what its defining words name. */
interface Definition {
  abbr: string;
  /** Offset right after the definition's ")": uses before it are not this definition's. */
  from: number;
  /** Offset of the next conflicting definition of the same abbreviation (Infinity: none). */
  to: number;
  indicator: Indicator;
  subject?: SubjectEntry[];
}

/** An abbreviation in brackets, or one before a bracket: 2–8 capitals (Đ included) or digits, a capital first. */
const ABBR = '[A-ZĐ][A-ZĐ0-9]{1,7}';
const BRACKETED = new RegExp(`\\(\\s*(${ABBR})\\s*\\)`, 'gu');
export const BEFORE_BRACKET = new RegExp(`(?<![\\p{L}\\p{N}])(${ABBR})\\s*\\(([^()\\n]{3,80})\\)`, 'gu');
/** BEFORE_BRACKET tried where it can start only (sticky). */
const BEFORE_BRACKET_AT = new RegExp(BEFORE_BRACKET.source, 'uy');

/**
 * The matches of BEFORE_BRACKET in `text`, as `text.matchAll(BEFORE_BRACKET)` gives them, without
 * trying the look-behind at every character (a 100 KB report with no bracket paid about 2 ms a
 * keystroke): a match holds a "(" right after its abbreviation and spaces, so it starts 2–8
 * characters before the spaces that end at a "(". Each "(" is tried at those starts past the last
 * match's end, in order: the same leftmost matches that do not overlap.
 */
export function* beforeBracket(text: string): Generator<RegExpExecArray> {
  let end = 0;
  for (let q = text.indexOf('('); q >= 0; q = text.indexOf('(', q + 1)) {
    let s = q;
    while (s > end && /\s/u.test(text[s - 1])) s--;
    for (let i = Math.max(end, s - 8); i <= s - 2; i++) {
      BEFORE_BRACKET_AT.lastIndex = i;
      const m = BEFORE_BRACKET_AT.exec(text);
      if (m) {
        yield m;
        end = i + m[0].length;
        break;
      }
    }
  }
}

/** At most this many words before "(ABBR)" are tried as the defining name; this many definitions a report. */
const MAX_NAME_WORDS = 12;
const MAX_DEFINITIONS = 64;
/** At most this many brackets a report are read as possible definitions. */
const MAX_BRACKETS = 400;
/** A head noun right before an abbreviation: "chỉ số CPĐT", "trụ cột CQS". */
const HEAD_BEFORE = /^(?:chỉ\s+số|trụ\s+cột)\s+$/iu;
/** Words that end the defining name going back: punctuation, a line break, a bracket. */
const NAME_STOP = /[,.;:!?()\[\]\n|"“”]/u;

let last: { text: string; catalog: Catalog; defs: Definition[]; use: RegExp | null } | null = null;
registerCache(() => {
  last = null;
});

/** The definitions of `text` (once per text and catalog). */
function definitionsOf(text: string, catalog: Catalog): { defs: Definition[]; use: RegExp | null } {
  if (last && last.text === text && last.catalog === catalog) return last;
  const defs: Definition[] = [];
  const add = (abbr: string, from: number, m: NameMatch | null) => {
    const named = m && readable(m);
    if (!named || defs.length >= MAX_DEFINITIONS || catalog.resolve(abbr).kind !== 'unknown') return;
    const earlier = defs.filter((d) => d.abbr === abbr && d.to === Infinity);
    if (earlier.some((d) => d.indicator === named.indicator)) return;
    for (const d of earlier) d.to = from;
    defs.push({ abbr, from, to: Infinity, ...named });
  };
  let brackets = 0;
  for (const m of text.matchAll(BRACKETED)) {
    if (defs.length >= MAX_DEFINITIONS || ++brackets > MAX_BRACKETS) break;
    add(m[1], m.index! + m[0].length, nameBefore(text, m.index!, catalog));
  }
  for (const m of beforeBracket(text)) {
    if (defs.length >= MAX_DEFINITIONS || ++brackets > 2 * MAX_BRACKETS) break;
    add(m[1], m.index! + m[0].length, resolvable(catalog, m[2].trim()));
  }
  defs.sort((a, b) => a.from - b.from);
  const abbrs = [...new Set(defs.map((d) => d.abbr))];
  last = { text, catalog, defs, use: abbrs.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${abbrs.join('|')})(?![\\p{L}\\p{N}])`, 'u') : null };
  return last;
}

/** What a defining name's match names: one entry, or a subject's entries (the bound figure picks). */
function readable(m: NameMatch): { indicator: Indicator; subject?: SubjectEntry[] } | null {
  if (m.kind === 'canonical' || m.kind === 'alias') return { indicator: m.indicator };
  if (m.kind === 'ambiguous' && m.subject?.length && !m.member) return { indicator: m.subject[0].indicator, subject: m.subject };
  return null;
}

function resolvable(catalog: Catalog, words: string): NameMatch | null {
  const m = catalog.resolve(words);
  return m.kind === 'unknown' ? null : m;
}

/** The longest run of the words right before `at` (within its clause, at most MAX_NAME_WORDS) that the catalog reads. */
function nameBefore(text: string, at: number, catalog: Catalog): NameMatch | null {
  const from = Math.max(0, at - 200);
  let head = text.slice(from, at);
  let stop = -1;
  for (let i = head.length - 1; i >= 0; i--)
    if (NAME_STOP.test(head[i])) {
      stop = i;
      break;
    }
  head = head.slice(stop + 1);
  const words = tokenize(head).slice(-MAX_NAME_WORDS);
  for (let k = 0; k < words.length; k++) {
    const m = resolvable(catalog, head.slice(words[k].start).trim());
    const named = m && readable(m);
    if (!named) continue;
    // "Chỉ số Thương mại điện tử (EBI)": an index of the topic the catalog reads, which the catalog
    // does not keep: the abbreviation is none of the topic's measures (held36, reading.md §63).
    if (INDEX_HEAD.test(head.slice(0, words[k].start)) && !(named.subject?.map((e) => e.indicator) ?? [named.indicator]).some(isIndex)) return null;
    return m;
  }
  return null;
}

/** "Chỉ số" right before the words the catalog reads. */
const INDEX_HEAD = /(?<!\p{L})chỉ\s+số\s*$/iu;
const isIndex = (ind: Indicator): boolean => ind.unitClass === 'index' || ind.unitClass === 'rank';

/** Whether the unit's words hold an abbreviation the report defined before it (`by`: the unit's shift, cached units being relative). */
export function usesDefined(text: string, catalog: Catalog, unit: ProseUnit, by: number): boolean {
  const { defs, use } = definitionsOf(text, catalog);
  if (!use || unit.headerRow) return false;
  return unit.parts.some((p) => use.test(p.text)) && defs.some((d) => d.from <= unit.start + by);
}

/**
 * The defined abbreviations of a unit written after their definitions, outside its names and
 * references: each a fuzzy name of what its definition named (a subject: its entries, the bound
 * figure picking one); an indicator a reference of the unit names is left out.
 */
export function definedNames(run: NameContext & { text: string }, unit: ProseUnit, named: Named[], marked: Set<Indicator>): Named[] {
  const { defs, use } = definitionsOf(run.text, run.catalog);
  if (!use) return [];
  const out: Named[] = [];
  unit.parts.forEach((part, k) => {
    if (!use.test(part.text)) return;
    const tokens = tokenize(part.text);
    const spans = [...named.filter((n) => n.part === k).map((n) => [n.cand.start, n.cand.end]), ...part.refs.map((r) => [r.start - part.start, r.end - part.start])];
    tokens.forEach((t, i) => {
      const at = part.start + t.start;
      const d = defs.find((x) => x.abbr === t.raw && x.from <= at && at < x.to);
      if (!d || spans.some(([s, e]) => t.start < e && t.end > s)) return;
      // "CQS (chính quyền số)" written again, a gloss: the words in brackets are the name.
      if (/^\s*\(/.test(part.text.slice(t.end))) return;
      const entries = d.subject?.filter((e) => !marked.has(e.indicator));
      if (d.subject ? !entries!.length : marked.has(d.indicator)) return;
      const indicator = entries ? entries[0].indicator : d.indicator;
      // "chỉ số CPĐT", "trụ cột CQS": the head noun written before the abbreviation is the name's (canonical writes it once).
      const head = i >= 2 && HEAD_BEFORE.test(part.text.slice(tokens[i - 2].start, t.start)) && !spans.some(([s, e]) => tokens[i - 2].start < e && t.start > s) ? 2 : 0;
      out.push({
        cand: subjectCandidate(run, indicator, { first: i - head, last: i, start: tokens[i - head].start, end: t.end }),
        part: k,
        indicator,
        candidates: entries ? [...new Set(entries.map((e) => e.indicator))] : [indicator],
        ...(entries ? { subject: entries } : {}),
        defined: true,
      });
    });
  });
  return out;
}
