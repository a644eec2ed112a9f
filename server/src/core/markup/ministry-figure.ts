/**
 * A ministry's figure under a provincial series: "Xếp hạng chuyển đổi số cấp tỉnh năm 2022: Bộ Kế
 * hoạch và Đầu tư thứ 1" gives a ministry's rank, no province's, so the provincial entry's name is
 * not marked with it (the ministerial entry takes it: catalog/ministerial.ts). The clauses from the
 * name to its figure name a ministry as the figure's subject (not as its source, "theo Bộ TT&TT":
 * history/ministry-subject.ts) and no province. province.ts provincialFigure asks it. Pure.
 */
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { subjectsNamed } from '../history/ministry-subject';
import { msg } from '../i18n';
import { provincesNamed } from '../provinces';

/** The message listing the figure when `span` (the name's clause through its figure's) speaks of a ministry while `ind` is a series of provinces, else null. */
export function ministryFigure(span: string, ind: Indicator, figure: string): ReturnType<typeof msg> | null {
  if (!provinceFacts(ind).series) return null;
  const ministry = subjectsNamed(span)[0];
  if (!ministry || provincesNamed(span).length) return null;
  return msg(
    `Câu nói về ${ministry.name}: "${figure}" là số liệu của bộ, ngành, không phải của chỉ tiêu cấp tỉnh "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of ${ministry.name}: "${figure}" is a ministry's figure, not one of the provincial indicator "${ind.name}": left unmarked.`,
  );
}
