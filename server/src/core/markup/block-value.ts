/**
 * Class block-value (round 23, open23; docs/reading.md §28.1; one hook in other-measure.ts
 * otherMeasure, listed `figure-role`): a rate told for one block of the administration, the
 * ministries ("ở bộ, ngành", "khối bộ") or the provinces ("ở địa phương", "các địa phương"), in the
 * figure's own stretch of the sentence (blocks.ts figureBlock), is that block's value. When the
 * entry keeps no member for that block, blocks.ts cannot move the name to it, and the figure is no
 * value of the nationwide entry: "Tỷ lệ thanh toán trực tuyến … đạt 24,11% ở bộ, ngành và 43,11% ở
 * địa phương" tells two blocks and no nationwide rate. Not an entry whose own names say a block or
 * the provinces ("… của địa phương", "… cấp tỉnh", "Số tỉnh …"), nor a figure whose stretch names
 * both blocks or the nation (figureBlock). Pure.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { figureBlock } from './blocks';
import type { ClassInput } from './fronted';

/** Folded words of an entry's names that say a block or the provinces. */
const SAYS_BLOCK = / (?:bo|nganh|tinh|dia phuong|cap bo|khoi) /;

export function blockValue(x: ClassInput, f: Figure): ReturnType<typeof msg> | null {
  const ind = x.indicator;
  if (f.kind !== 'percent' || f.change || ind.unitClass !== 'percent') return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => SAYS_BLOCK.test(` ${foldKey(l).replace(/[^a-z0-9]+/g, ' ').trim()} `))) return null;
  const block = figureBlock(x.plain, f);
  if (!block) return null;
  const vi = block === 'ministries' ? 'khối bộ, ngành' : 'khối địa phương';
  return msg(
    `"${f.raw}" là số liệu của ${vi}, không phải của cả nước theo chỉ tiêu "${ind.name}" (chỉ tiêu không có chuỗi riêng cho khối này): chưa đánh dấu.`,
    `"${f.raw}" is the ${block === 'ministries' ? "ministries'" : "provinces'"} block's value, not the nationwide "${ind.name}" (the entry keeps no series of that block): left unmarked.`,
  );
}
