/**
 * Class other-publisher (round 35, reading.md §81.1): a ranking or an index named, then given to a
 * publisher that is an organisation and no compiler of the entry the words matched ("xếp hạng chính
 * phủ điện tử của Đại học Brown đưa Việt Nam từ thứ 126 lên thứ 90", "bảng xếp hạng … do Viện X công
 * bố"): the figures are that publisher's ranking, another survey than the entry's (the UN's EGDI).
 * judge.ts whoseFigure lists such a figure `other-source`, as other-source.ts lists a sentence
 * opening with another source. "của Việt Nam", a province, a state body, and a publisher the entry
 * names among its compilers (its name, a part of it or a code: "của Liên Hợp Quốc", "của WEF") keep
 * the reading, and so does a compiler of any other entry (the catalog knows it: the press names the
 * WEF for the NRI it published until 2016, kept under its later compiler). Only after the name,
 * in a bounded window (linear in the text). Pure.
 */
import { foldKey, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';
import { compilerNameParts, compilersOf } from './other-source';

/**
 * "của"/"do" right after the name (past a bracketed code), then an organisation: its kind's word
 * (university, institute, organisation, bank, forum, association, group, company, firm, alliance,
 * fund) and a capitalised word of its proper name. Up to the first stop of the phrase.
 */
const PUBLISHER =
  /^\s*(?:\([^()]{1,20}\)\s*)?(?:của|do)\s+((?:Trường\s+)?(?:Đại học|Học viện|Viện|Tổ chức|Ngân hàng|Diễn đàn|Hiệp hội|Tập đoàn|Công ty|[Hh]ãng|Liên minh|Quỹ)\s+\p{Lu}[^,;:.()]{0,60})/u;

/** How far after the name the publisher is looked for. */
const WINDOW = 90;

const words = (x: string): string => ` ${foldKey(x).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Whether `ind` may be another publisher's ranking or index: a rank or a score of an index. */
function ranking(ind: Indicator): boolean {
  return ind.measure === 'rank' || ind.unitClass === 'rank' || ind.unitClass === 'index';
}

/**
 * The publisher written right after the name (`text`: the name's part, `nameEnd`: the name's end)
 * when it is an organisation that compiles neither `ind` (a rank or an index score with compilers)
 * nor any entry of `catalog`:
 * the message listing `f`, else null.
 */
export function otherPublisher(text: string, nameEnd: number, ind: Indicator, f: Figure, catalog: Catalog): ReturnType<typeof msg> | null {
  if (!ranking(ind) || !ind.compilers?.length) return null;
  const after = text.slice(nameEnd, nameEnd + WINDOW);
  work.steps += after.length;
  const m = PUBLISHER.exec(after);
  if (!m) return null;
  const folded = words(m[1]);
  // (shown as its kind's word and the capitalised words after it: "Đại học Brown")
  const publisher = /^\S+(?:\s+\p{Ll}+)?(?:\s+\p{Lu}[\p{L}\p{N}-]*)+/u.exec(m[1])?.[0] ?? m[1].trim();
  const own = ind.compilers.flatMap((c) => [c.name, ...compilerNameParts(c.name), ...(c.codes ?? [])]).map(words);
  // A compiler of any entry is kept too: the press names the WEF for the NRI it published until
  // 2016, a series the catalog keeps under its later compiler (names-round20).
  if ([...own, ...compilersOf(catalog).map((w) => ` ${w} `)].some((w) => w.trim() && folded.includes(w))) return null;
  return msg(
    `"${f.raw}" là thứ hạng hay điểm do "${publisher}" công bố, không phải của "${ind.name}" (cơ quan biên soạn khác): chưa đánh dấu.`,
    `"${f.raw}" is a rank or score published by "${publisher}", not one of "${ind.name}" (another compiler): left unmarked.`,
  );
}
