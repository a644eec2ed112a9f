/**
 * What a reader has seen of a report before a sentence: the headings above it and the text of its
 * paragraph or section before it (pillars.ts, unnamed.ts). The headings are found once per text
 * (one pass, front matter left out); each look-up then reads only the sentence's
 * paragraph or section, never the whole text before it.
 */
import { frontMatterAt } from '../parse/markdown-source';

/** A heading line: its offset, level and text. */
export interface Heading {
  start: number;
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

/** The ATX headings of a text after its front matter, in order (the last text's are kept: a detection asks many times). */
export function headingsOf(text: string): Heading[] {
  if (text === lastText) return lastHeadings;
  const from = frontMatterLength(text);
  lastText = text;
  lastHeadings = [...text.matchAll(/^ {0,3}(#{1,6})[ \t]+(.*)$/gm)].filter((m) => m.index! >= from).map((m) => ({ start: m.index!, level: m[1].length, text: m[2] }));
  return lastHeadings;
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

/** The text from the nearest heading above `at` (or the front matter's end) to `at`, HTML comments blanked. */
export function sectionBefore(text: string, at: number): string {
  const above = headingChain(text, at)[0];
  const from = above ? text.indexOf('\n', above.start) + 1 || at : frontMatterLength(text);
  return blankComments(text.slice(Math.min(from, at), at));
}

/** The lines of `at`'s paragraph before it (back to a blank line or a heading), joined, HTML comments blanked. */
export function paragraphLinesBefore(text: string, at: number): string {
  const above = headingChain(text, at)[0];
  const floor = Math.max(frontMatterLength(text), above ? text.indexOf('\n', above.start) + 1 || at : 0);
  // The part of `at`'s line before it, then the lines above while they are the paragraph's.
  let from = Math.max(floor, text.lastIndexOf('\n', at - 1) + 1);
  while (from > floor) {
    const prevStart = text.lastIndexOf('\n', from - 2) + 1;
    const line = text.slice(prevStart, from - 1).trim();
    if (!line || /^#{1,6}\s/.test(line)) break;
    from = Math.max(prevStart, floor);
  }
  return blankComments(text.slice(from, at)).replace(/\s+/g, ' ');
}

function blankComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
}
