/**
 * Class platform-head (round 22, reading.md §23.4): a name written right after a platform's noun
 * ("sàn", "sàn giao dịch", "nền tảng", after "trên/của/qua" and "các/những" or not) modifies that
 * noun: "doanh số trên các sàn giao dịch thương mại điện tử bán lẻ quý I/2025 tăng 42,29%" is the
 * marketplaces' sales (one compiler's count of a few platforms), neither the retail e-commerce
 * revenue nor its growth. The bound figure is listed `figure-role`, unless the entry's own names say
 * the platform ("Tăng trưởng doanh số trên sàn giao dịch bán lẻ trực tuyến"). Likewise a capitalised
 * name right after an organisation's head noun ("Hiệp hội Thương mại điện tử …") is that organisation's
 * name (round 24, reading.md §33.5). Pure.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import type { ClassInput } from './fronted';

/** A platform's noun right before the name, with the preposition and determiner before it. */
const PLATFORM_BEFORE = /(?<![\p{L}])(?:(?:trên|của|qua|tại)\s+)?(?:(?:các|những|mọi)\s+)?(sàn(?:\s+giao\s+dịch)?|nền tảng)\s+$/iu;

/** Folded platform words in an entry's names: the entry is the platforms' own. */
const PLATFORM_NAMED = /(?:^|[^a-z])(?:san|nen tang)(?:[^a-z]|$)/;

/** An organisation's head noun, capitalised, right before a capitalised name: the name is part of the organisation's (reading.md §33.5). */
const ORGANISATION_BEFORE = /(?<![\p{L}])(Hiệp hội|Hội|Bộ|Cục|Tổng cục|Vụ|Viện|Trung tâm|Sở|Ủy ban|Uỷ ban)\s+$/u;

/** The message listing `f` when a platform's noun stands right before the name, else null. */
export function platformHead(x: ClassInput, f: Figure): ReturnType<typeof msg> | null {
  if (!x.name || x.name.end <= x.name.start) return null;
  const before = x.plain.slice(Math.max(0, x.name.start - 40), x.name.start);
  // "Hiệp hội Thương mại điện tử tin rằng mục tiêu 10 tỷ USD …": the association's name, no mention.
  const o = /^\p{Lu}/u.test(x.plain.slice(x.name.start, x.name.start + 1)) ? ORGANISATION_BEFORE.exec(before) : null;
  if (o)
    return msg(
      `Tên viết hoa ngay sau "${o[1]}" là một phần tên của tổ chức, không nói "${x.indicator.name}": chưa đánh dấu.`,
      `The capitalised name right after "${o[1]}" is part of an organisation's name, not "${x.indicator.name}": left unmarked.`,
    );
  const m = PLATFORM_BEFORE.exec(before);
  if (!m) return null;
  const ind = x.indicator;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => PLATFORM_NAMED.test(foldKey(l)))) return null;
  return msg(
    `Tên viết ngay sau "${m[1]}": "${f.raw}" là số đo của các ${m[1]}, không phải của "${ind.name}": chưa đánh dấu.`,
    `The name is written right after "${m[1]}": "${f.raw}" measures the platforms, not "${ind.name}": left unmarked.`,
  );
}
