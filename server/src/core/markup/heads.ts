/**
 * Class other-head (issue 13 round 16): a name whose first word is the noun it counts ("người dùng
 * điện thoại thông minh", unit "người"), matched fuzzily without that noun, where the writer put
 * another counted noun of the catalog in its place ("Thuê bao dùng điện thoại thông minh ước
 * 101,12 triệu": subscriptions, not people). The words name what the other noun counts, no value of
 * the entry: the candidate is dropped (names.ts). Pure; one set of counted nouns per catalog.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import { countedIndex } from './counted';
import type { NameCandidate } from './match';
import type { NameIndex, Token } from './name-index';

/** Whether fuzzy `c` lacks its label's head noun and another counted noun of the catalog stands right before it. */
export function otherHead(c: NameCandidate, tokens: Token[], text: string, catalog: Catalog): boolean {
  if (c.exact || c.first === 0) return false;
  const ind = c.label.indicator;
  if (ind.unitClass !== 'count' || !ind.unit) return false;
  const own = foldKey(ind.unit);
  const head = own.split(' ');
  // The label opens with its unit, and the window does not.
  if (!head.every((w, k) => c.label.tokens[k] === w) || head.every((w, k) => tokens[c.first + k]?.folded === w)) return false;
  const units = countedIndex(catalog).byUnit;
  for (const n of [2, 1]) {
    const from = c.first - n;
    if (from < 0) continue;
    // Only spaces between the noun's words and the window.
    if (tokens.slice(from, c.first).some((t, k) => !/^\s+$/.test(text.slice(t.end, (tokens[from + k + 1] ?? tokens[c.first]).start)))) continue;
    const noun = tokens.slice(from, c.first).map((t) => t.folded).join(' ');
    if (noun !== own && units.has(noun)) return true;
  }
  return false;
}

/**
 * Class other-tail (issue 13 round 25, open25; reading.md §37.2): the mirror of otherHead. A fuzzy
 * name that lacks its label's last word ("xuất khẩu sản phẩm" of "xuất khẩu sản phẩm số"), where the
 * words right after it go on with a word a sibling's name has and this label lacks ("Giá trị xuất
 * khẩu sản phẩm phần cứng, điện tử …": "phần cứng" of "xuất khẩu phần cứng, điện tử"): the writer
 * named the sibling, the window is no name of the entry. Siblings: another entry of the family, of the
 * same unit class (a share of the family, "… chữ ký số cá nhân" of the adults' rate, is no such sibling).
 */
export function otherTail(c: NameCandidate, tokens: Token[], text: string, idx: NameIndex): boolean {
  const fam = c.label.indicator.family;
  const next = tokens[c.last + 1];
  if (c.exact || !fam || !next || !/^[ \t]+$/.test(text.slice(c.end, next.start))) return false;
  const tail = c.label.tokens[c.label.tokens.length - 1];
  for (let t = c.first; t <= c.last; t++) if (tokens[t].folded === tail) return false;
  const id = idx.ids.get(next.folded);
  if (id === undefined || idx.functionWord[id] || c.label.firstPos[id] >= 0) return false;
  // (the word as written, accents and all: "cá" of "cá nhân" folds as "CA" of "CA công cộng")
  const raw = next.raw.normalize('NFC').toLowerCase();
  return idx.labelsOf[id].some((li) => {
    const { indicator: other, text: label } = idx.labels[li];
    return other !== c.label.indicator && other.family === fam && other.unitClass === c.label.indicator.unitClass && label.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u).includes(raw);
  });
}
