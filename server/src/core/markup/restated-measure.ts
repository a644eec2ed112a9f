/**
 * Class network-then-speed (issue 13, round 18; held20's misses): a network named as the topic of
 * its sentence, its speed written again right before the figure, further than the eight words a
 * name may stand from its figure or across a comma:
 *
 * - "Mạng Internet cố định duy trì ổn định suốt năm qua: tốc độ tải xuống đạt 153 Mbps";
 * - "Riêng băng rộng cố định, VNNIC đo được tốc độ tải xuống thấp hơn nhiều, chỉ 58,88 Mb/giây".
 *
 * The network alone (a name of a speed's entry written without the speed's words, or a subject of
 * catalog/subjects.ts `network`) names a speed; "tốc độ (tải xuống)" restated
 * within the figure's reach says it is that speed. Near enough, when between the name and the figure
 * there is no sentence end, no other figure, no other network, no upload, no average of the world
 * or a region, no median ("trung vị"), no superlative ("nhanh nhất": a place's), and in the sentence
 * up to the figure no subject written with a capital (another country: "Singapore đạt tốc độ …", a
 * province) other than Việt Nam, "Internet" and a compiler of the network's entries or of the catalog ("VNNIC đo
 * được", "Speedtest ghi nhận"); and at most
 * {@link MAX_TO_HEAD} words before the speed's words, {@link MAX_AFTER_HEAD} after them. Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Figure } from '../types';
import type { Named } from './names';
import type { Catalog } from '../catalog/catalog';
import { compilerNameParts, compilersOf } from './other-source';

/** Words between the network and its restated speed ("duy trì ổn định suốt năm qua:"). */
const MAX_TO_HEAD = 8;
/** Words between the restated speed and the figure ("thấp hơn nhiều, chỉ"). */
const MAX_AFTER_HEAD = 5;
/** A download speed's words, folded (an upload's are refused below). */
const SPEED_HEAD = /(?:^| )toc do(?: tai xuong)?(?: trung binh)?(?= |$)/u;
/** Another network, an upload, the world's or a region's average: the figure is another speed. */
const OTHER_SPEED = /(?:^| )(?:di dong|co dinh|cap quang|[345]g|wi fi|wifi|tai len|upload|toan cau|the gioi|khu vuc|quoc te|trung vi|nhat)(?= |$)/u;
/** Words written with a capital (a proper name: a country, an operator, a body). */
const CAPITALISED = /\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*/gu;
const OWN = new Set(['viet nam', 'internet', 'nuoc ta']);

const folded = (s: string): string => foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim();
/** The words of folded text, period phrases ("tháng 9/2025", "năm 2024") not counted. */
const count = (s: string): number => {
  const w = s.replace(/(?:^| )(?:thang|nam|quy)(?: [0-9]+)+(?= |$)/g, ' ').trim();
  return w ? w.split(/ +/).length : 0;
};

/** Whether the figure after a network named alone is its speed by the speed's words restated before it. */
export function speedRestated(text: string, n: Named, figs: Figure[], f: Figure, catalog?: Catalog): boolean {
  // (an entry of a speed, its name written without the speed's words: the network alone)
  if (!SPEED_HEAD.test(folded(n.indicator.name)) || SPEED_HEAD.test(folded(text.slice(n.cand.start, n.cand.end))) || f.change || f.start < n.cand.end) return false;
  const gap = text.slice(n.cand.end, f.start);
  if (/[.!?](?!\d)/.test(gap) || figs.some((g) => g !== f && g.start >= n.cand.end && g.end <= f.start)) return false;
  const words = folded(gap);
  const head = SPEED_HEAD.exec(words);
  if (!head || OTHER_SPEED.test(words)) return false;
  if (count(words.slice(0, head.index).trim()) > MAX_TO_HEAD || count(words.slice(head.index + head[0].length).trim()) > MAX_AFTER_HEAD) return false;
  const entries = [n.indicator, ...n.candidates, ...(n.subject ?? []).map((e) => e.indicator)];
  const compilers = new Set([...entries.flatMap((e) => (e.compilers ?? []).flatMap((c) => [c.name, ...compilerNameParts(c.name), ...(c.codes ?? [])])).map(folded), ...(catalog ? compilersOf(catalog) : [])]);
  // (the sentence's words before the name too, its first word aside: "… Điện Biên là địa phương có tốc độ … băng rộng cố định …" is a province's)
  const before = text.slice(0, n.cand.start).split(/[.!?](?!\d)\s+/).pop()!.replace(/^\s*\S+/, '');
  for (const m of (before + ' ' + gap).matchAll(CAPITALISED)) {
    const name = folded(m[0]);
    if (!OWN.has(name) && ![...compilers].some((w) => ` ${w} `.includes(` ${name} `)) && !name.split(' ').every((w) => OWN.has(w))) return false;
  }
  return true;
}
