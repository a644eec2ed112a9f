/**
 * The one reader of ministry and agency names in text: the subject of a figure of a series of
 * ministries (the ministerial DTI: history/ministry-subject.ts) and the items of a list of them
 * (parse/subject-list.ts). The names are data (data/ministries.json): the ministries and
 * ministry-level agencies of today and before 1 March 2025, and the Government agencies the
 * ministerial DTI ranks, each with the short forms press text uses ("Bộ TT&TT", "NHNN", "Bộ
 * KH&ĐT"). Only known names are read: "Bộ …" alone is no ministry ("bộ phận", "Bộ chỉ số"). A short
 * form is the same ministry as its name; a former ministry stays its own ("Bộ TT&TT" is not "Bộ
 * KH&CN"). A name is read whole (no letter or digit around it), its first letter capitalised as
 * written, tone marks in either placement ("Văn hóa", "Văn hoá"). Pure.
 *
 * The list's sources (JSON holds no comment; the bundles drop this one): it follows
 * agencies.ts (Nghị quyết 176/2025/QH15, Nghị định 25/2025/NĐ-CP) and the bodies the ministerial DTI
 * ranks: DTI 2021 (https://kinhtedothi.vn/da-nang-bo-tai-chinh-va-vien-han-lam-dung-dau-ve-chuyen-doi-so.html),
 * DTI 2022 (https://honquan.binhphuoc.gov.vn/Tin-trong-nuoc/nhung-dia-phuong-bo-nganh-nao-dan-dau-chuyen-doi-so-2287.html).
 * test/unit/ministry-round13.test.ts checks that it names every ministry of agencies.ts.
 */
import data from './data/ministries.json';
import { work } from './work';

/** A ministry named in a text: its name (the list's, for a short form too) and where it is written. */
export interface NamedMinistry {
  name: string;
  at: number;
  end: number;
}

/** The other placement of the tone mark in "oa", "oe", "uy" ("hóa" ↔ "hoá", "Ủy" ↔ "Uỷ"). */
const TONE_SWAPS: Array<[string, string]> = [];
for (const [pair, marks] of [
  ['oa', '\u0301\u0300\u0309\u0303\u0323'],
  ['oe', '\u0301\u0300\u0309\u0303\u0323'],
  ['uy', '\u0301\u0300\u0309\u0303\u0323'],
] as const)
  for (const m of marks) {
    const [a, b] = pair;
    for (const up of [false, true]) {
      const first = up ? a.toUpperCase() : a;
      TONE_SWAPS.push([(first + m).normalize('NFC') + b, first + (b + m).normalize('NFC')]);
    }
  }

/** `form` with each "oa"/"oe"/"uy" tone in the placement it is not written in (itself if none). */
function otherPlacement(form: string): string {
  let out = form;
  for (const [x, y] of TONE_SWAPS) out = out.includes(x) ? out.split(x).join(y) : out.includes(y) ? out.split(y).join(x) : out;
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Folded form (lower case, NFC, one space) → the ministry's name; the regex of every form, longest first. */
let known: { byForm: Map<string, string>; any: RegExp; atEnd: RegExp; atStart: RegExp } | null = null;
function knownNames(): { byForm: Map<string, string>; any: RegExp; atEnd: RegExp; atStart: RegExp } {
  if (known) return known;
  const byForm = new Map<string, string>();
  for (const m of data.ministries)
    for (const f of [m.name, ...m.forms])
      for (const v of [f, otherPlacement(f)]) byForm.set(formKey(v), m.name);
  const alternatives = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
  const any = new RegExp(`(?<![\\p{L}\\p{N}&])(?:${alternatives})(?![\\p{L}\\p{N}&])`, 'giu');
  const atEnd = new RegExp(`(?<![\\p{L}\\p{N}&])(?:${alternatives})\\s*$`, 'iu');
  // (sticky: tried at one place only, never scanning on)
  const atStart = new RegExp(`(?:${alternatives})(?![\\p{L}\\p{N}&])`, 'iuy');
  return (known = { byForm, any, atEnd, atStart });
}

/** How a written form is looked up: NFC, lower case, spaces as one. */
function formKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The ministry `written` is a form of (a whole name or short form), else undefined. */
export function ministryOf(written: string): string | undefined {
  return /^\p{Lu}/u.test(written) ? knownNames().byForm.get(formKey(written)) : undefined;
}

/** The ministries `text` names, in text order, the longest form at each place. */
export function ministriesNamed(text: string): NamedMinistry[] {
  work.steps += text.length;
  const out: NamedMinistry[] = [];
  // Every form has a capital letter (Bộ, Ngân hàng, NHNN …): prose without one names none.
  if (!/\p{Lu}/u.test(text)) return out;
  const { byForm, any } = knownNames();
  any.lastIndex = 0;
  for (let m = any.exec(text); m; m = any.exec(text)) {
    const name = /^\p{Lu}/u.test(m[0]) ? byForm.get(formKey(m[0])) : undefined;
    if (name) out.push({ name, at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The ministry named at the end of `s` (white space after it allowed) and where its name starts; null if none. */
export function ministryAtEnd(s: string): { name: string; at: number } | null {
  const m = knownNames().atEnd.exec(s.length > 120 ? s.slice(-120) : s);
  if (!m) return null;
  const name = ministryOf(m[0].trim());
  return name ? { name, at: m.index + Math.max(0, s.length - 120) } : null;
}

/** The ministry named at the start of `s` (after white space), with the offset after its name; null if none. */
export function ministryAtStart(s: string): { name: string; end: number } | null {
  const lead = /^\s*/u.exec(s)![0].length;
  const { atStart } = knownNames();
  atStart.lastIndex = lead;
  const m = atStart.exec(s);
  if (!m) return null;
  const name = ministryOf(m[0]);
  return name ? { name, end: m.index + m[0].length } : null;
}
