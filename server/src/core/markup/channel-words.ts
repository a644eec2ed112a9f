/**
 * A channel written without its head noun (issue 13, round 20; docs/reading.md §5.2 "Kênh không kèm
 * danh từ chính"): after a sentence or a heading naming the growth of cashless payments, the writer
 * gives each channel's growth by the channel alone — "Theo từng kênh: qua điện thoại di động tăng
 * 36,62% về số lượng; qua mã QR tăng 50,94%", "- qua kênh điện thoại di động tăng 65,5%". The
 * words "qua [kênh] X" stand for the growth entry whose name ends in "qua X" (a growth entry of a
 * family: "Tăng trưởng giao dịch thanh toán qua mã QR" of cashless-payments), when
 * - the figure right after them is a change in % ("tăng 36,62%"), not one said of the value
 *   ("… tăng 124,06% về giá trị": the entries count transactions);
 * - the section before them (back to its heading) names another entry of the same family by a
 *   name of three words or more ("giao dịch thanh toán không dùng tiền mặt"): the head the channel
 *   leaves out.
 * Round 21 (reading.md §22.3): the channel may come without "qua" when it opens a clause or a
 * list item ("Theo kênh: điện thoại di động tăng 59%", "; kênh điện thoại di động tăng 68,54%").
 * A channel no entry has ("qua Internet", "qua ATM") or two entries share: no pick. The checker
 * (analyze.ts) reads `[[qua điện thoại di động]]` by this function, and wrap-mode markup
 * (mention.ts) wraps the words only when it picks the entry the detector found (channel-names.ts):
 * one reader for both. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { registerCache } from '../caches';
import type { Figure } from '../types';
import { headingChain, sectionStart } from './context';
import { plannedBefore } from '../parse/family-carry';
import { tokenize, type Token } from './name-index';
import { listedChannelFigure } from './channel-list';

/** What a reference's words say of the channels' growth entries. */
export interface ChannelWords {
  /** Every growth entry with a name ending in the channel. */
  candidates: Indicator[];
  /** The one the words stand for in their section, else null. */
  pick: Indicator | null;
}

/** Per catalog: the growth entries by their channel's folded words, and each family's other names. */
export interface ChannelIndex {
  /** "ma qr" → the growth entries with a name ending "qua mã QR". */
  byTail: Map<string, Indicator[]>;
  /** Per family, the folded names (padded with spaces) of its entries that name no channel. */
  heads: Map<string, string[]>;
}

let cache = new WeakMap<Catalog, ChannelIndex>();
registerCache(() => {
  cache = new WeakMap();
});

/** Folded words of a text, space-separated and padded: " thanh toan qua ma qr ". */
export const foldedWords = (s: string): string => ` ${tokenize(s.replace(/\[\[|\]\]/g, '  ')).map((t) => t.folded).join(' ')} `;

/** A measure word opening a name (folded), left out of the head a section names. */
const MEASURE_FIRST = /^ (?:so luong|so|gia tri|tang truong|toc do tang|ty le|ty trong) /;

/** The catalog's channels: the words after " qua " in the names of growth entries of a family. */
export function channelIndex(catalog: Catalog): ChannelIndex {
  let idx = cache.get(catalog);
  if (idx) return idx;
  idx = { byTail: new Map(), heads: new Map() };
  for (const ind of catalog.all()) {
    if (!ind.family) continue;
    for (const name of [ind.name, ...ind.aliases]) {
      const w = foldedWords(name);
      const at = w.indexOf(' qua ');
      if (at < 0) {
        // (the head without its measure word: "giao dịch thanh toán không dùng tiền mặt" of "Số giao dịch …")
        const head = w.replace(MEASURE_FIRST, ' ');
        if (head.trim().split(' ').length >= 3) idx.heads.set(ind.family, [...(idx.heads.get(ind.family) ?? []), head]);
        continue;
      }
      if (ind.measure !== 'growth') continue;
      const tail = w.slice(at + 5).trim();
      const list = idx.byTail.get(tail) ?? [];
      if (tail && !list.includes(ind)) idx.byTail.set(tail, [...list, ind]);
    }
  }
  cache.set(catalog, idx);
  return idx;
}

/** "qua X", "qua kênh X", "qua phương thức X", "bằng X" (round 32), and "kênh X" or "X" alone (round 21): the channel's words X (folded), else null. */
export function channelTail(written: string): string | null {
  const m = /^ (?:qua |bang )?(?:kenh |phuong thuc )?(.+) $/.exec(foldedWords(written));
  return m ? m[1] : null;
}

/**
 * "bằng" as the channel's preposition (round 32, reading.md §65): only right after "thanh toán"
 * ("thanh toán bằng mã QR tăng 893%"), never after another noun ("truy cập bằng điện thoại di động").
 */
export function paidBy(text: string, at: number): boolean {
  return / thanh toan $/.test(foldedWords(text.slice(Math.max(0, at - 24), at).replace(/\[\[$/, '')));
}

/**
 * Before a channel written without "qua" (round 21, reading.md §22.3): the opening of a clause
 * or a list item — after ":" or ";", or a line's start or list marker ("Theo kênh: điện thoại di
 * động tăng 59%", "- kênh điện thoại di động tăng 65,5%"); never after a noun ("thuê bao điện thoại
 * di động tăng 5%") nor a comma.
 */
const OPENING = /(?:^|\n)[ \t]*(?:[-*+][ \t]+)?$|[:;]\s*$|[.!?]\s+$/u;
const OPENERS = new Set(['kenh', 'phuong']);
const firsts = new WeakMap<ChannelIndex, Set<string>>();
/** The first words (folded) of the catalog's channels: "ma", "qr", "dien". */
function firstWords(idx: ChannelIndex): Set<string> {
  let f = firsts.get(idx);
  if (!f) firsts.set(idx, (f = new Set([...idx.byTail.keys()].map((k) => k.split(' ')[0]))));
  return f;
}
/** Whether a channel without "qua" starting at `at` of `text` opens its clause (marks read as nothing). */
export function opensClause(text: string, at: number): boolean {
  return OPENING.test(text.slice(Math.max(0, at - 40), at).replace(/\[\[$/, ''));
}

/**
 * The spans (token indices, inclusive) of "qua [kênh|phương thức] X" in `tokens`, X a channel of the
 * catalog, and of "[kênh|phương thức] X" opening a clause of `text` (the tokens' text).
 */
export function channelsIn(tokens: Token[], idx: ChannelIndex, text?: string): Array<{ first: number; last: number }> {
  const out: Array<{ first: number; last: number }> = [];
  for (let t = 0; t < tokens.length; t++) {
    const qua = tokens[t].folded === 'qua' || (tokens[t].folded === 'bang' && tokens[t - 1]?.folded === 'toan' && tokens[t - 2]?.folded === 'thanh');
    // (without "qua": a channel's first word, or "kênh"/"phương", opening a clause)
    if (!qua && (text === undefined || !(OPENERS.has(tokens[t].folded) || firstWords(idx).has(tokens[t].folded)) || !opensClause(text, tokens[t].start))) continue;
    // (after "kênh" or "phương thức": "qua kênh điện thoại di động", "qua phương thức QR code")
    const at = qua ? t + 1 : t;
    const from = tokens[at]?.folded === 'kenh' ? at + 1 : tokens[at]?.folded === 'phuong' && tokens[at + 1]?.folded === 'thuc' ? at + 2 : at;
    for (const tail of idx.byTail.keys()) {
      const words = tail.split(' ');
      const last = from + words.length - 1;
      if (last < tokens.length && words.every((w, i) => tokens[from + i].folded === w)) out.push({ first: t, last });
    }
  }
  return out;
}

/**
 * Between the channel and its change: nothing, or an adverb ("đã", "cũng", "còn"); or (round 32)
 * the count told as the measure before the change ("qua điện thoại di động, số lượng tăng 69%",
 * "thanh toán bằng mã QR, với số giao dịch tăng 161%"), never the value ("…, giá trị tăng 41%").
 */
const BETWEEN = /^\s*(?:,\s*(?:(?:với|có)\s+)?(?:số\s+lượng(?:\s+giao\s+dịch)?|số\s+giao\s+dịch|lượng\s+giao\s+dịch)\s+)?(?:(?:đã|cũng|còn|lại|vẫn|đều)\s+)?$/iu;
/**
 * Round 33 (reading.md §73): the channel as its sentence's subject, its change told after a predicate
 * of growth — "kênh điện thoại di động ghi nhận mức tăng 54,5%", "Kênh mã QR vẫn bứt phá mạnh nhất
 * với mức tăng 160,7%", "Mã QR tiếp tục là phương thức tăng nhanh nhất: số giao dịch tăng 106,7%";
 * after "… nhất:" the figure may stand bare ("Mã QR vẫn là kênh bứt phá mạnh nhất: 151,14%", FASTEST_COLON).
 * Never a predicate of another measure ("… nhất về giá trị:") nor of a share ("… được dùng nhiều nhất: 40%").
 */
const ADVERBS = String.raw`(?:(?:đã|cũng|còn|lại|vẫn|đều|tiếp\s+tục|tiếp)\s+)*`;
const BEING = String.raw`(?:là\s+(?:kênh|phương\s+thức|hình\s+thức)\s+(?:thanh\s+toán\s+)?)?`;
const FASTEST = String.raw`(?:tăng(?:\s+trưởng)?|bứt\s+phá)(?:\s+(?:mạnh|nhanh)(?:\s+nhất)?)?`;
const COUNT = String.raw`(?:số\s+lượng(?:\s+giao\s+dịch)?|số\s+giao\s+dịch|lượng\s+giao\s+dịch)`;
const TOLD_GROWTH = new RegExp(
  String.raw`^\s*${ADVERBS}(?:(?:ghi\s+nhận|có|đạt)\s+mức\s+|${BEING}${FASTEST}\s*(?:,?\s*với\s+mức\s+|:\s*(?:${COUNT}\s+)?))$`,
  'iu',
);
/** "… (tăng|bứt phá) (mạnh|nhanh) nhất:" right before a bare figure: the growth the predicate tells. */
const FASTEST_COLON = new RegExp(String.raw`^\s*${ADVERBS}${BEING}${FASTEST}\s*:\s*$`, 'iu');
/**
 * The channel after another one it is listed with ("Qua điện thoại di động và qua mã QR, số lượng
 * tăng tương ứng 86,3% và 95,7%", "qua Internet, qua mã QR tăng lần lượt …"): the change written
 * right after it may be the list's first, not its own (round 33, reading.md §73).
 */
const LISTED_AFTER = /(?:^|[^\p{L}])(?:qua|kênh|bằng)\s+[^\d,;:.!?()]{1,40}?(?:,\s*|\s+(?:và|hoặc)\s+)$/iu;
/** "giá trị" heading the channel's words ("giá trị thanh toán bằng mã QR", "giá trị giao dịch qua …"): the value's change. */
const VALUE_HEAD = /(?:^|[^\p{L}])giá\s+trị\s+(?:giao\s+dịch\s+)?(?:thanh\s+toán\s+)?$/iu;
/** A change said of the value, not of the number of transactions. */
const OF_VALUE = /^\s*về\s+giá\s+trị/iu;

/**
 * The growth entry the channel words `written` (at `name` in `text`) stand for, bound to `figure`
 * (offsets in `text`), or null when the words are no channel of the catalog or the figure is no
 * change in % written right after them. Marks (`[[`, `]]`) are read as spaces.
 */
export function channelOfWords(catalog: Catalog, text: string, name: { start: number; end: number }, written: string, figure: Pick<Figure, 'start' | 'end' | 'kind' | 'change'> | null): ChannelWords | null {
  const tail = channelTail(written);
  const lead = foldedWords(written);
  if (!tail || (!/^ qua /.test(lead) && !(/^ bang /.test(lead) && paidBy(text, name.start)) && !opensClause(text, name.start))) return null;
  const idx = channelIndex(catalog);
  const candidates = idx.byTail.get(tail);
  if (!candidates?.length) return null;
  if (!figure || figure.kind !== 'percent' || figure.change?.times || figure.start < name.end) return null;
  // (the k-th channel of a list, its change the k-th after "lần lượt"/"tương ứng": round 34, channel-list.ts)
  const listed = listedChannelFigure(text, name);
  const inList = !!listed && figure.start < listed.end && listed.start < figure.end;
  const between = text.slice(name.end, figure.start).replace(/\[\[|\]\]/g, '');
  const told = inList || (figure.change ? BETWEEN.test(between) || TOLD_GROWTH.test(between) : FASTEST_COLON.test(between));
  if (!told || (!inList && (LISTED_AFTER.test(text.slice(Math.max(0, name.start - 60), name.start).replace(/\[\[|\]\]/g, '')) || OF_VALUE.test(text.slice(figure.end)))) || VALUE_HEAD.test(text.slice(Math.max(0, name.start - 40), name.start).replace(/\[\[|\]\]/g, ''))) return null;
  // (a plan or target word before the channel in its sentence: "đặt mục tiêu năm 2026 thanh toán bằng mã QR tăng 50%", round 32)
  const sentence = text.slice(Math.max(0, name.start - 200), name.start).split(/[.!?](?=\s)|\n/).pop() ?? '';
  if (plannedBefore(sentence, sentence.length)) return null;
  // (the section's text before the words, and the headings above them: "# Thanh toán không dùng tiền mặt tháng 1/2024" heads its report, round 32)
  const before = foldedWords(text.slice(sectionStart(text, name.start), name.start)) + headingChain(text, name.start).map((h) => foldedWords(h.text)).join('');
  const headed = candidates.length === 1 && (idx.heads.get(candidates[0].family!) ?? []).some((h) => before.includes(h));
  return { candidates, pick: headed ? candidates[0] : null };
}
