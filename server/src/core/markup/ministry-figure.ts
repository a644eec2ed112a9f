/**
 * A ministry's figure under a provincial series: "Xếp hạng chuyển đổi số cấp tỉnh năm 2022: Bộ Kế
 * hoạch và Đầu tư thứ 1" gives a ministry's rank, no province's, so the provincial entry's name is
 * not marked with it (the ministerial entry takes it: catalog/ministerial.ts). The clauses from the
 * name to its figure name a ministry as the figure's subject (not as its source, "theo Bộ TT&TT":
 * history/ministry-subject.ts) and no province. province.ts provincialFigure asks it.
 * Class member-of-the-bloc (round 17, neg17): under an entry of the ministries as one bloc ("Tỷ lệ hồ
 * sơ trực tuyến toàn trình của bộ, ngành", its words "bộ, ngành" and no series of ministries), a figure
 * whose subject is one named ministry ("Bộ Công Thương dẫn đầu với tỷ lệ … 83,48%") is that member's,
 * no value of the bloc; the bloc's own figure names no ministry ("Khối bộ, ngành đạt 63,47%"). Pure.
 */
import { foldKey } from '../catalog/catalog';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { subjectsNamed } from '../history/ministry-subject';
import { msg } from '../i18n';
import { provincesNamed } from '../provinces';

/** The message listing the figure when `span` (the name's clause through its figure's) speaks of a ministry while `ind` is a series of provinces, else null. */
export function ministryFigure(span: string, ind: Indicator, figure: string): ReturnType<typeof msg> | null {
  if (!provinceFacts(ind).series) return memberOfBloc(span, ind, figure);
  const ministry = subjectsNamed(span)[0];
  if (!ministry || provincesNamed(span).length) return null;
  return msg(
    `Câu nói về ${ministry.name}: "${figure}" là số liệu của bộ, ngành, không phải của chỉ tiêu cấp tỉnh "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of ${ministry.name}: "${figure}" is a ministry's figure, not one of the provincial indicator "${ind.name}": left unmarked.`,
  );
}

/** "bộ, ngành" / "bộ ngành" as words of a folded label: the ministries as one bloc. */
const BLOC = /(?:^| )bo,? nganh(?![a-z])/;

/** A named ministry's figure under an entry of the ministries' bloc (see the module comment), else null. */
function memberOfBloc(span: string, ind: Indicator, figure: string): ReturnType<typeof msg> | null {
  if (isMinistrySeries(ind) || ![ind.name, ...(ind.aliases ?? [])].some((l) => BLOC.test(foldKey(l)))) return null;
  const ministry = subjectsNamed(span)[0];
  if (!ministry) return null;
  return msg(
    `Câu nói về ${ministry.name}: "${figure}" là số liệu của một bộ, không phải của cả khối cho "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of ${ministry.name}: "${figure}" is one ministry's figure, not the bloc's value of "${ind.name}": left unmarked.`,
  );
}
