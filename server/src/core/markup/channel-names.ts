/**
 * The detector's side of a channel written without its head noun (channel-words.ts): "qua [kênh] X"
 * in a sentence, outside its names and references, where X is a channel of the catalog's growth
 * entries ("qua điện thoại di động", "qua mã QR", "qua QR code"), as a name of the one growth entry
 * channel-words.ts picks for it with the figure right after it. Pure.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';
import { channelIndex, channelOfWords, channelsIn } from './channel-words';
import { listedChannelFigure } from './channel-list';
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
    const base = part.start;
    // (the k-th channel of a "lần lượt"/"tương ứng" list: the k-th change after the word, channel-list.ts)
    const listed = listedChannelFigure(run.text, { start: base + start, end: base + end });
    const f = listed ? (plainFigs[0] ?? []).find((x) => base + x.start < listed.end && listed.start < base + x.end) : (plainFigs[0] ?? []).find((x) => x.start >= end);
    if (!f) continue;
    const r = channelOfWords(run.catalog, run.text, { start: base + start, end: base + end }, part.text.slice(start, end), { ...f, start: base + f.start, end: base + f.end });
    if (!r?.pick || marked.has(r.pick)) continue;
    out.push({ cand: subjectCandidate(run, r.pick, { first, last, start, end }), part: 0, indicator: r.pick, candidates: [r.pick], channelAt: f.numeralStart });
  }
  return out;
}

/**
 * Why a channel's words bound to `f` are left unmarked: the checker's binder gives them another figure
 * than the change they were read with ("qua điện thoại di động, số lượng tăng 69% và giá trị hơn
 * 41%": the binder takes "hơn 41%", the value's); else null.
 */
export function channelBindsOther(n: Named, b: { part: number }, f: Figure, words: string): ReturnType<typeof msg> | null {
  if (n.channelAt === undefined || (b.part === n.part && f.numeralStart === n.channelAt)) return null;
  return msg(
    `"${words}" sẽ gắn với "${f.raw}", không phải thay đổi viết ngay sau kênh: chưa đánh dấu.`,
    `"${words}" would bind "${f.raw}", not the change written right after the channel: left unmarked.`,
  );
}
