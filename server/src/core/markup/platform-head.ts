/**
 * Class platform-head (round 22, reading.md §23.4): a name written right after a platform's noun
 * ("sàn", "sàn giao dịch", "nền tảng", after "trên/của/qua" and "các/những" or not) modifies that
 * noun: "doanh số trên các sàn giao dịch thương mại điện tử bán lẻ quý I/2025 tăng 42,29%" is the
 * marketplaces' sales (one compiler's count of a few platforms), neither the retail e-commerce
 * revenue nor its growth. The bound figure is listed `figure-role`, unless the entry's own names say
 * the platform ("Tăng trưởng doanh số trên sàn giao dịch bán lẻ trực tuyến"). Pure.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import type { ClassInput } from './fronted';

/** A platform's noun right before the name, with the preposition and determiner before it. */
const PLATFORM_BEFORE = /(?<![\p{L}])(?:(?:trên|của|qua|tại)\s+)?(?:(?:các|những|mọi)\s+)?(sàn(?:\s+giao\s+dịch)?|nền tảng)\s+$/iu;

/** Folded platform words in an entry's names: the entry is the platforms' own. */
const PLATFORM_NAMED = /(?:^|[^a-z])(?:san|nen tang)(?:[^a-z]|$)/;

/** The message listing `f` when a platform's noun stands right before the name, else null. */
export function platformHead(x: ClassInput, f: Figure): ReturnType<typeof msg> | null {
  if (!x.name || x.name.end <= x.name.start) return null;
  const m = PLATFORM_BEFORE.exec(x.plain.slice(Math.max(0, x.name.start - 40), x.name.start));
  if (!m) return null;
  const ind = x.indicator;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => PLATFORM_NAMED.test(foldKey(l)))) return null;
  return msg(
    `Tên viết ngay sau "${m[1]}": "${f.raw}" là số đo của các ${m[1]}, không phải của "${ind.name}": chưa đánh dấu.`,
    `The name is written right after "${m[1]}": "${f.raw}" measures the platforms, not "${ind.name}": left unmarked.`,
  );
}
