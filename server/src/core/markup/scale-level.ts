/**
 * "cấp độ N" with no scale written (issue 13, round 12; docs/reading.md §18). "cấp độ 6/10" is a
 * level on a scale (a figure, dialect §9); a bare "cấp độ 6" is never a figure (§10), since most
 * such numbers are tiers, not values: "hệ thống thông tin cấp độ 3", "dịch vụ công mức độ 4". So a
 * sentence naming an index whose family has a level entry ("Cấp độ Chỉ số tích hợp phát triển bưu
 * chính", unit "cấp độ") with a bare "cấp độ N" in that entry's range and no figure bound is not
 * marked but listed, with the way to mark it: write the scale ("cấp độ 6/10"). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { memberFor, shapeOf } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';

/** "cấp độ 6", "mức độ 5" with no "/10" after it (nor a decimal). */
const BARE_LEVEL = /(?<![\p{L}])(cấp độ|mức độ)\s+(\d{1,2})(?![\d,.]*\d)(?!\s*\/\s*\d)/giu;

/** The bare level of `text` the level entry of `indicator`'s family would take, with the message listing it; else null. */
export function bareScaleLevel(catalog: Catalog, indicator: Indicator, text: string): { raw: string; message: ReturnType<typeof msg> } | null {
  const level = shapeOf(indicator) === 'level' ? indicator : memberFor(catalog, indicator, 'level');
  if (!level) return null;
  for (const m of text.matchAll(BARE_LEVEL)) {
    const n = Number(m[2]);
    if (level.range && (n < level.range[0] || n > level.range[1])) continue;
    const whole = level.range ? level.range[1] : 10;
    return {
      raw: m[0],
      message: msg(
        `"${m[0]}" là một cấp độ nhưng không ghi thang: chưa đánh dấu. Viết "${m[1]} ${n}/${whole}" để ghi cấp độ của "${level.name}".`,
        `"${m[0]}" is a level with no scale written: left unmarked. Write "${m[1]} ${n}/${whole}" to record it as "${level.name}".`,
      ),
    };
  }
  return null;
}
