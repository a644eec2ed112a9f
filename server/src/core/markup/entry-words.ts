/**
 * An entry's own words, folded (catalog foldKey, non-alphanumerics to single spaces) and padded, made
 * once per entry: whether the entry's names say a word or phrase the sentence says ("… phát triển mới",
 * "… tiêu biểu", a group's noun after a percent), so that a false-mark class leaves the entry that
 * names it alone. Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';

const fold = (s: string): string => foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** The entry's names (name and aliases), then with its unit too, each memo once per entry. */
const namesMemo = new WeakMap<Indicator, string>();
const ownMemo = new WeakMap<Indicator, string>();
function memo(map: WeakMap<Indicator, string>, ind: Indicator, labels: string[]): string {
  let w = map.get(ind);
  if (w === undefined) {
    w = ' ' + labels.map(fold).join(' | ') + ' ';
    map.set(ind, w);
  }
  return w;
}

/** Whether the entry's names (name and aliases) say `words` as whole words. */
export const namesSay = (ind: Indicator, words: string): boolean => memo(namesMemo, ind, [ind.name, ...(ind.aliases ?? [])]).includes(` ${fold(words)} `);

/** Whether the entry's names or its unit say `words` as whole words. */
export const entrySays = (ind: Indicator, words: string): boolean => memo(ownMemo, ind, [ind.name, ...(ind.aliases ?? []), ind.unit ?? '']).includes(` ${fold(words)} `);
