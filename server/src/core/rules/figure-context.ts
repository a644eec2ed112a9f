/** Shared helpers for the rules that look at figures. */
import type { Analysis, ResolvedReference } from '../analyze';
import { formatNumber, type Lang } from '../i18n';
import type { PlacedFigure, ReportDocument } from '../parse/model';
import { foldSameLength } from '../text';
import { registerCache } from '../caches';

const bySentence = new WeakMap<ReportDocument, Map<number, PlacedFigure[]>>();

/** The figures of one sentence (or table row) of a document, in document order; grouped once per document. */
export function figuresOfSentence(doc: ReportDocument, sentence: number): PlacedFigure[] {
  let map = bySentence.get(doc);
  if (!map) {
    map = new Map();
    for (const f of doc.figures) {
      const list = map.get(f.sentence);
      if (list) list.push(f);
      else map.set(f.sentence, [f]);
    }
    bySentence.set(doc, map);
  }
  return map.get(sentence) ?? [];
}

const foldedChars = new Map<string, string>();
/** Folded slices (sentences, mostly) by their text: a keystroke folds only the sentence it changed. */
const foldedSlices = new Map<string, string>();
const MAX_FOLDED_SLICES = 20_000;
registerCache(() => foldedSlices.clear());

/**
 * `foldSameLength(doc.text.slice(start, end))`, per character (the folding keeps every offset), and
 * remembered by the slice's text.
 */
export function foldedSlice(doc: ReportDocument, start: number, end: number): string {
  const raw = doc.text.slice(start, end);
  let folded = foldedSlices.get(raw);
  if (folded === undefined) {
    const parts: string[] = [];
    for (const ch of raw) {
      let f = foldedChars.get(ch);
      if (f === undefined) foldedChars.set(ch, (f = foldSameLength(ch)));
      parts.push(f);
    }
    folded = parts.join('');
    if (foldedSlices.size >= MAX_FOLDED_SLICES) foldedSlices.clear();
    foldedSlices.set(raw, folded);
  }
  return folded;
}

/** Each figure that a reference binds, with that reference (first binding wins). */
export function bindings(analysis: Analysis): Map<PlacedFigure, ResolvedReference> {
  const map = new Map<PlacedFigure, ResolvedReference>();
  for (const r of analysis.refs) if (r.ref.figure && !map.has(r.ref.figure)) map.set(r.ref.figure, r);
  return map;
}

/** "53 tỷ USD" → "53.000.000.000 USD" (vi) / "53,000,000,000 USD" (en). */
export function describeValue(f: PlacedFigure, lang: Lang): string {
  const unit = f.unit ? (f.unit === '%' ? '%' : ` ${f.unit}`) : '';
  if (f.denominator !== undefined) return `${formatNumber(f.value, lang)}/${formatNumber(f.denominator, lang)}${unit}`;
  return `${formatNumber(f.value, lang)}${unit}`;
}

/** Words right before a percentage that make it a rate of change, which may exceed 100. */
const CHANGE_WORDS = /(tăng|giảm|trưởng|gấp|vượt|so với|bằng)\s*[^\s]*\s*[^\s]*\s*$/iu;

/** True if the text before the figure (same line) says it is a change rather than a share. */
export function looksLikeChange(analysis: Analysis, f: PlacedFigure): boolean {
  if (f.change) return true;
  const start = analysis.doc.lines.offsetAt(f.range.start);
  const before = analysis.doc.text.slice(Math.max(0, start - 24), start);
  return CHANGE_WORDS.test(before);
}
