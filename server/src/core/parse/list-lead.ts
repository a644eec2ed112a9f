/**
 * A list's lead lends its period to the list's items (docs/reading.md §6.10): "Theo báo cáo quý
 * II/2023 của Bộ, đến tháng 6/2023:" then "- số thuê bao băng rộng cố định đạt 22 triệu; …": an
 * item's figure with no period phrase of its own (nor a lead of an earlier sentence of its item) is
 * of the lead's period (2023-06), as the next sentence of the lead's own paragraph would be
 * (carry.ts, dialect.md §6.3 step 7), not of the report's. The lead is the paragraph right before
 * the list, ending with a colon; its period is the as-of phrase of its last sentence ("đến tháng
 * 6/2023:", carry.ts asOfPhrase), else its last lead phrase (carry.ts paragraphCarry: no comparison
 * base, no target's, no event's date). An item that says "now" ("hiện nay") takes none.
 *
 * A document-level pass once the chunks are put together (document.ts): a lead and its list may be
 * chunks of their own. Placed objects are never changed (versions and the chunk cache share them):
 * a figure given the lead's period, and each reference or further figure holding it, is replaced by
 * a copy. The history's reading runs the same pass (history/saved-reading.ts asks
 * {@link mayLendToLists} first), so both give one history; `markup` (markup/dating.ts) reads the
 * same lead for an item's figure.
 */
import { asOfPhrase, paragraphCarry, saysNow, type Carry } from './carry';
import { readPartOnce } from './part-reading';
import { sentenceSpans } from './sentences';
import { yearOfPeriod } from './period-codes';
import type { PlacedFigure, Reference, ReportDocument } from './model';

/** A list item's first line: its marker (at most three spaces of indent). */
const ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
/** A cheap first test: a line ending with a colon, then (blank lines aside) a list item. */
const LEAD_THEN_LIST = /:[ \t]*\r?\n(?:[ \t]*\r?\n)*[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])[ \t]/;
/** Characters walked back from an item to its list's lead at most. */
const MAX_WALK = 20000;

/** True if `text` may hold a list whose lead lends its period (history/saved-reading.ts then reads it the way of parseReport). */
export function mayLendToLists(text: string): boolean {
  return LEAD_THEN_LIST.test(text);
}

/** The line [start, end) holding offset `at` (end before its newline). */
function lineAt(text: string, at: number): [number, number] {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return [start, nl < 0 ? text.length : nl];
}

/**
 * The item of a top-level list that offset `at` is in, and the lead before the list: the offset of
 * the item's first line and the lead's period (absolute offsets), else null. Null also when the
 * lead does not end with a colon, when the item's line is a table row or a quote, or when a line
 * above the item could be the lazy continuation of an earlier item's paragraph rather than a lead.
 */
export function listLeadAt(text: string, at: number, known?: Map<number, Carry | null>): { item: number; lead: Carry } | null {
  let [start, end] = lineAt(text, at);
  let item = -1;
  // The item lines walked past: they share the answer (`known`, one walk per list).
  const walked: number[] = [];
  const answer = (lead: Carry | null): { item: number; lead: Carry } | null => {
    if (known) for (const w of walked) known.set(w, lead);
    return lead && item >= 0 ? { item, lead } : null;
  };
  const floor = Math.max(0, at - MAX_WALK);
  for (;;) {
    const line = text.slice(start, end);
    const marker = ITEM.exec(line);
    if (marker) {
      if (item < 0) item = start;
      const seen = known?.get(start);
      if (seen !== undefined) return answer(seen);
      walked.push(start);
      // (an item holding a table row or a quote: not prose of the list)
      if (line[marker[0].length] === '|' || line[marker[0].length] === '>') return answer(null);
    } else if (line.trim() && !/^[ \t]{2,}\S/.test(line)) {
      // The first unindented line of prose above the list: the lead's last line.
      if (item < 0 || !/:[ \t]*\r?$/.test(line) || /^\s*(?:#|\||>|<!--)/.test(line)) return answer(null);
      // Its paragraph, up to the first blank line; an item line in it makes it an item's lazy line.
      let from = start;
      while (from > 0) {
        const [ps, pe] = lineAt(text, from - 1);
        const prev = text.slice(ps, pe);
        if (!prev.trim()) break;
        if (ITEM.test(prev) || /^\s*(?:#|\||>)/.test(prev)) return answer(null);
        from = ps;
      }
      const lead = asOfLead(text, from, end) ?? paragraphCarry(text.slice(from, end));
      return answer(lead ? { code: lead.code, start: lead.start + from, end: lead.end + from } : null);
    }
    if (start === 0 || start <= floor) return answer(null);
    [start, end] = lineAt(text, start - 1);
  }
}

/**
 * The as-of phrase of the lead's last sentence ("Theo báo cáo quý II/2023 của Bộ, đến tháng 6/2023:":
 * tháng 6/2023, not the report's quarter), offsets relative to `from`, else null (carry.ts asOfPhrase).
 */
function asOfLead(text: string, from: number, end: number): Carry | null {
  const spans = sentenceSpans(text.slice(from, end));
  if (!spans.length) return null;
  const [s, e] = spans[spans.length - 1];
  const sentence = text.slice(from + s, from + e);
  const p = asOfPhrase(sentence, readPartOnce(sentence, false).phrases);
  return p ? { code: p.code, start: s + p.start, end: s + p.end } : null;
}

/**
 * The period the list's lead lends a figure at [from, to) of `text` with no period of its own, else
 * null: none when the figure's item says "now" before it. `target`: the figure is a target (its
 * period the lead's year, as binding.ts placeFigure gives a target the paragraph's carry).
 */
export function lentByListLead(text: string, from: number, target: boolean, known?: Map<number, Carry | null>): Carry | null {
  const found = listLeadAt(text, from, known);
  if (!found || saysNow(text.slice(found.item, from))) return null;
  const { lead } = found;
  return target ? { code: yearOfPeriod(lead.code), start: lead.start, end: lead.end } : lead;
}

/** Gives the figures of list items the period their list's lead lends (see the module comment). */
export function lendListLeads(doc: ReportDocument): void {
  const { text } = doc;
  if (!mayLendToLists(text)) return;
  const replaced = new Map<PlacedFigure, PlacedFigure>();
  const known = new Map<number, Carry | null>();
  for (let i = 0; i < doc.figures.length; i++) {
    const f = doc.figures[i];
    if (f.periodSource === 'phrase') continue;
    const from = doc.lines.offsetAt(f.range.start);
    const lent = lentByListLead(text, from, f.role === 'target', known);
    if (!lent) continue;
    const g: PlacedFigure = { ...f, period: lent.code, periodSource: 'phrase', periodRange: doc.lines.range(lent.start, lent.end) };
    replaced.set(f, g);
    doc.figures[i] = g;
  }
  if (!replaced.size) return;
  for (let i = 0; i < doc.references.length; i++) {
    const r = doc.references[i];
    const g = r.figure ? replaced.get(r.figure) : undefined;
    const also = r.also?.some((a) => replaced.has(a.figure))
      ? r.also.map((a) => {
          const h = replaced.get(a.figure);
          return h ? { ...a, figure: h, period: a.period === a.figure.period ? h.period! : a.period } : a;
        })
      : undefined;
    if (!g && !also) continue;
    const next: Reference = { ...r };
    if (g && r.periodSource !== 'phrase') {
      next.figure = g;
      next.period = g.period!;
      next.periodSource = 'phrase';
      next.periodRange = g.periodRange;
    } else if (g) next.figure = g;
    if (also) next.also = also;
    doc.references[i] = next;
  }
}
