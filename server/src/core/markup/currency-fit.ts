/**
 * Class currency-not-kept (issue 13, round 17, held19): an amount written in a currency that no entry
 * of the name's family keeps. The checker lets a name take a figure in another currency when its
 * family keeps an entry of the same measure in that currency (catalog/currency-members.ts: the IT
 * industry's revenue in đồng goes to the đồng series); otherwise the figure stays the named entry's
 * and unit-mismatch reports it. A writer's "xuất khẩu phần mềm khoảng 58.500 tỷ đồng" under a name
 * the catalog keeps in USD only is then no value of that series (a conversion, another compiler's
 * count): the detector lists it `figure-does-not-fit` rather than marking a figure the checker
 * would flag. Pure; the catalog's family tables are built once (currency-members.ts).
 */
import type { Catalog } from '../catalog/catalog';
import { currencyFits, currencyMember } from '../catalog/currency-members';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

/** Why `f` is no value of `ind` by its currency (the message listing it), else null. */
export function currencyNotKept(catalog: Catalog, ind: Indicator, f: Figure, words: string): ReturnType<typeof msg> | null {
  if (currencyFits(ind, f) || currencyMember(catalog, ind, f)) return null;
  return msg(
    `Số liệu "${f.raw}" mà "${words}" sẽ gắn viết bằng ${f.unit}, còn chỉ tiêu "${ind.name}" và các chỉ tiêu cùng họ chỉ tính bằng ${ind.unit}: chưa đánh dấu.`,
    `The figure "${f.raw}" that "${words}" would bind is written in ${f.unit}, while "${ind.name}" and its family count in ${ind.unit} only: left unmarked.`,
  );
}
