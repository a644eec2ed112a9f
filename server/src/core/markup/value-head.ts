/**
 * "giá trị" written as the head of a transactions' name (issue #13, round 21; docs/reading.md
 * §22.2): "giá trị giao dịch qua mã QR tăng 150%" is the growth of the transactions' value, never
 * the growth of their number that an entry counting transactions measures ("Tăng trưởng giao dịch
 * thanh toán qua mã QR": its names say no "giá trị"). A change bound to such an entry's name written
 * right after "giá trị" (or "tổng giá trị") is listed `figure-role`, not marked. An entry whose own
 * names say "giá trị" keeps it; the checker reads no fact of such a reference (analyze.ts). Pure:
 * the name's text as written, the name's start, the entry.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

/** "giá trị " (or "tổng giá trị ") right before the name. */
const VALUE_BEFORE = /(?:^|[^\p{L}])(?:tổng\s+)?giá\s+trị\s+$/iu;

/** Per entry (the analysis asks for every bound change, each check): its names say "giao dịch" and no "giá trị". */
const transactionCounts = new WeakMap<Indicator, boolean>();

function countsTransactions(ind: Indicator): boolean {
  let yes = transactionCounts.get(ind);
  if (yes === undefined) {
    const names = [ind.name, ...(ind.aliases ?? [])].map(foldKey);
    yes = names.some((n) => n.includes('giao dich')) && !names.some((n) => n.includes('gia tri'));
    transactionCounts.set(ind, yes);
  }
  return yes;
}

/** The "giá trị" written right before a name starting at `nameStart` of `text` that binds the change `f` to `ind`, a growth of a number of transactions; else null. */
export function valueHead(text: string, nameStart: number, ind: Indicator, f: Pick<Figure, 'change'>): string | null {
  if (ind.measure !== 'growth' || !f.change || f.change.times || !countsTransactions(ind)) return null;
  return VALUE_BEFORE.exec(text.slice(Math.max(0, nameStart - 16), nameStart))?.[0].trim() ?? null;
}

/** Why the change `f`, bound to `ind`'s name starting at `nameStart` of `text`, is the value's change and no value of `ind`; else null. */
export function valueHeadFigure(text: string, nameStart: number, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  const head = valueHead(text, nameStart, ind, f);
  if (!head) return null;
  return msg(
    `"${f.raw}" là thay đổi của ${head} giao dịch, còn "${ind.name}" đo số lượng giao dịch: chưa đánh dấu.`,
    `"${f.raw}" is a change of the transactions' value ("${head}"), while "${ind.name}" measures their number: left unmarked.`,
  );
}
