/**
 * The detector's side of a channel written without its head noun (channel-words.ts): "qua [kênh] X"
 * in a sentence, outside its names and references, where X is a channel of the catalog's growth
 * entries ("qua điện thoại di động", "qua mã QR", "qua QR code"), as a name of the one growth entry
 * channel-words.ts picks for it with the figure right after it. Pure.
 */
import type { Figure } from '../types';
import { channelIndex, channelOfWords, channelsIn } from './channel-words';
import { markedIndicators, tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { subjectCandidate, type NameContext } from './subject-names';

/** The channel words of a unit's first part, as names of the growth entry each stands for. */
export function channelNames(run: NameContext & { text: string }, unit: ProseUnit, named: Named[], plainFigs: Figure[][]): Named[] {
  if (unit.table) return [];
  const idx = channelIndex(run.catalog);
  if (!idx.byTail.size) return [];
  const part = unit.parts[0];
  const tokens = tokensOf(part);
  const spans = [...named.filter((n) => n.part === 0).map((n) => [n.cand.start, n.cand.end]), ...part.refs.map((r) => [r.start - part.start, r.end - part.start])];
  const covered = (s: number, e: number) => spans.some(([a, b]) => s < b && e > a);
  const marked = markedIndicators(unit, run.catalog);
  const out: Named[] = [];
  for (const { first, last } of channelsIn(tokens, idx, part.text)) {
    const [start, end] = [tokens[first].start, tokens[last].end];
    if (covered(start, end)) continue;
    const f = (plainFigs[0] ?? []).find((x) => x.start >= end);
    if (!f) continue;
    const base = part.start;
    const r = channelOfWords(run.catalog, run.text, { start: base + start, end: base + end }, part.text.slice(start, end), { ...f, start: base + f.start, end: base + f.end });
    if (!r?.pick || marked.has(r.pick)) continue;
    out.push({ cand: subjectCandidate(run, r.pick, { first, last, start, end }), part: 0, indicator: r.pick, candidates: [r.pick] });
  }
  return out;
}
