/**
 * Class province-opening (round 23, neg23; docs/reading.md §32): a sentence that opens with a
 * province as its subject tells that province's figures in each of its clauses, the entry's name in
 * a later clause too ("TP Hồ Chí Minh đón 44 triệu lượt khách, [[tổng thu du lịch]] đạt 190.000 tỷ
 * đồng"): the province's figure, no value of the national entry (province.ts provincialFigure reads
 * the name's own clauses only). The province opens the sentence and a lower-case word (its verb)
 * follows it, so a dateline ("Hà Nội, ngày 5/3 –") or a list of places is none; the nation named
 * before the figure ("… , cả nước đạt …"), an event's words, a semicolon, or an entry that counts
 * or ranks provinces keep the figure. Pure.
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { NATION_WORDS, provincesNamed } from '../provinces';
import type { Figure } from '../types';
import { work } from '../work';

/** What turns the sentence from the province: an event it hosts, the source it quotes, a semicolon. */
const TURN = /[;:]|(?<![\p{L}])(?:hội nghị|diễn đàn|hội thảo|tọa đàm|toạ đàm|sự kiện|phiên họp|triển lãm|tổ chức|khai mạc|diễn ra|cho biết|cho hay|công bố|theo|trong khi|còn)(?![\p{L}])/iu;

/** The message listing `f` when `sentence` (up to `at`, where the figure starts) opens with a province as its subject, else null. */
export function provinceOpening(sentence: string, ind: Indicator, f: Figure, at = sentence.length): ReturnType<typeof msg> | null {
  const facts = provinceFacts(ind);
  if (facts.level || facts.local || isMinistrySeries(ind)) return null;
  const head = sentence.slice(0, Math.min(at, 400));
  work.steps += head.length;
  const lead = /^\s*/.exec(head)![0].length;
  const first = provincesNamed(head, { local: true })[0];
  if (!first || first.from !== lead || !/^ \p{Ll}/u.test(head.slice(first.end, first.end + 2))) return null;
  const rest = head.slice(first.end);
  if (NATION_WORDS.test(rest) || TURN.test(rest)) return null;
  const province = head.slice(first.from, first.end);
  return msg(
    `Câu mở đầu bằng ${province}: "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence opens with ${province} as its subject: "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}
