/**
 * The share entry of an amount's whole (issue 13, round 30, retail30; docs/reading.md §57): a
 * percent told right after an amount with its whole ("32 tỷ USD và chiếm 12% tổng mức bán lẻ hàng
 * hóa và doanh thu dịch vụ tiêu dùng": parse/share-of-amount.ts) states the one entry named (name or
 * alias) "Tỷ trọng <subject> trong <whole>" whose subject is words of the amount's entry's name or
 * an alias ("thương mại điện tử" of "Doanh thu thương mại điện tử bán lẻ") and whose whole opens the
 * words written after the percent ("tổng mức bán lẻ"); null when none or several. Pure; the labels
 * split once per catalog.
 *
 * Round 33 (share33; docs/reading.md §72): the same labels give the subject index a "% of its whole"
 * measure of X for every "Tỷ trọng X trong W" (gdp-share.ts wholeShareSubject, a leaf the subject
 * index imports: this module imports the catalog).
 */
import type { Catalog } from './catalog';
import { foldKey, tokenize } from './name-keys';
import type { Indicator } from './types';

interface Split {
  entry: Indicator;
  subject: string[];
  whole: string[];
}

const splits = new WeakMap<Catalog, Split[]>();

function splitsOf(catalog: Catalog): Split[] {
  let out = splits.get(catalog);
  if (out) return out;
  out = [];
  for (const e of catalog.all()) {
    if (e.unitClass !== 'percent' || e.measure !== 'ratio') continue;
    for (const label of [e.name, ...(e.aliases ?? [])]) {
      const m = /^t[iy] trong (.+?) trong (.+)$/.exec(tokenize(foldKey(label)).join(' '));
      if (m) out.push({ entry: e, subject: m[1].split(' '), whole: m[2].split(' ') });
    }
  }
  splits.set(catalog, out);
  return out;
}

/** Whether `words` holds `part` as consecutive words. */
function holds(words: string[], part: string[]): boolean {
  for (let i = 0; i + part.length <= words.length; i++) if (part.every((w, k) => words[i + k] === w)) return true;
  return false;
}

/** The share entry the percent after an amount of `amount` states, `after` the text right after the percent (its whole); else null. */
export function wholeShareEntry(catalog: Catalog, amount: Indicator, after: string): Indicator | null {
  const whole = tokenize(foldKey(after.split(/[.;:,()\n[]/u)[0]));
  if (whole.length < 2) return null;
  const labels = [amount.name, ...(amount.aliases ?? [])].map((l) => tokenize(foldKey(l)));
  const found = new Set<Indicator>();
  for (const s of splitsOf(catalog))
    if (s.entry !== amount && s.whole.every((w, k) => whole[k] === w) && labels.some((l) => holds(l, s.subject))) found.add(s.entry);
  return found.size === 1 ? [...found][0] : null;
}
