/**
 * What a reader has seen of a report before a sentence: the headings above it and the text of its
 * paragraph or section before it (pillars.ts, unnamed.ts). The headings are the parser's (the
 * sections of the Markdown model, parse/sections.ts: no "#" line of a fenced code block, an HTML
 * block or the front matter is one; setext headings are), found once per text; each look-up then
 * reads only the sentence's paragraph or section, never the whole text before it.
 */
import { frontMatterAt } from '../parse/markdown-source';
import { firstIndex } from '../parse/clauses';
import { parseReport } from '../parse/document';
import type { ReportDocument, Section } from '../parse/model';

/** A heading: its offsets (the heading's own, as the parser found it), level and text as a reader sees it. */
export interface Heading {
  start: number;
  /** Where the heading ends (its line's end; a setext heading's underline included). */
  end: number;
  level: number;
  text: string;
}

/**
 * Where the text after the front matter starts (after its closing line's break; 0 if none or not
 * closed): the front matter as the parser finds it (parse/markdown-source.ts frontMatterAt).
 */
function frontMatterLength(text: string): number {
  const fm = frontMatterAt(text);
  if (!fm || fm.end < 0) return 0;
  const e = fm.end;
  return text.startsWith('\r\n', e) ? e + 2 : e < text.length ? e + 1 : e;
}

let lastText: string | null = null;
let lastHeadings: Heading[] = [];
/** The parser's sentences of the last text (prose only: no code, HTML block or front matter), in order. */
let lastSentences: ReadonlyArray<{ start: number; end: number }> = [];

/** The headings of a parsed document, in order. */
function headingsOfDocument(doc: ReportDocument): Heading[] {
  const out: Heading[] = [];
  const walk = (ss: Section[]): void => {
    for (const s of ss) {
      out.push({ start: doc.lines.offsetAt(s.headingRange.start), end: doc.lines.offsetAt(s.headingRange.end), level: s.level, text: s.title });
      walk(s.children);
    }
  };
  walk(doc.sections);
  return out;
}

/**
 * The headings of a text, in order, from the parser's outline (the last text's are kept: a detection
 * asks many times). `doc`: the text's parsed document, when the caller has it (not parsed again).
 */
export function headingsOf(text: string, doc?: ReportDocument): Heading[] {
  if (text === lastText) return lastHeadings;
  const parsed = doc?.text === text ? doc : parseReport(text, 'markup:context', { remember: false });
  lastHeadings = headingsOfDocument(parsed);
  lastSentences = parsed.sentences;
  lastText = text;
  return lastHeadings;
}

/** The parser's sentences between `from` and `to` (clipped to them), in order; a binary search, then only those. */
export function proseSentences(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  headingsOf(text);
  const ss = lastSentences;
  const out: Array<{ start: number; end: number }> = [];
  for (let k = firstIndex(ss.length, (i) => ss[i].end > from); k < ss.length && ss[k].start < to; k++) out.push({ start: Math.max(ss[k].start, from), end: Math.min(ss[k].end, to) });
  return out;
}

/** The headings above `at`: the nearest of each higher level, nearest first. */
export function headingChain(text: string, at: number): Heading[] {
  const hs = headingsOf(text);
  const out: Heading[] = [];
  let level = Infinity;
  for (let i = hs.length - 1; i >= 0; i--) {
    if (hs[i].start >= at || hs[i].level >= level) continue;
    level = hs[i].level;
    out.push(hs[i]);
  }
  return out;
}

/** Where the text of `at`'s section starts: after the nearest heading above it, else after the front matter. */
export function sectionStart(text: string, at: number): number {
  const above = headingChain(text, at)[0];
  return above ? Math.min(lineEnd(text, above.end), at) : frontMatterLength(text);
}

/** The offset after the line break that ends the line holding `at` (the text's end if none). */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at > 0 && text[at - 1] === '\n' ? at - 1 : at);
  return nl < 0 ? text.length : nl + 1;
}

/** The lines of `at`'s paragraph before it (back to a blank line or a heading), joined, HTML comments blanked. */
export function paragraphLinesBefore(text: string, at: number): string {
  // (Back to the heading above at most: no heading line is read as the paragraph's.)
  const floor = Math.min(sectionStart(text, at), at);
  // The part of `at`'s line before it, then the lines above while they are the paragraph's.
  let from = Math.max(floor, text.lastIndexOf('\n', at - 1) + 1);
  while (from > floor) {
    const prevStart = text.lastIndexOf('\n', from - 2) + 1;
    const line = text.slice(prevStart, from - 1).trim();
    if (!line) break;
    from = Math.max(prevStart, floor);
  }
  return blankComments(text.slice(from, at)).replace(/\s+/g, ' ');
}

export function blankComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
}
