/**
 * A name as written with connective or subject words put between its words (issue 13, thirteenth
 * round): "tốc độ tải xuống trung bình của mạng di động" for the alias "tốc độ tải xuống trung bình
 * mạng di động", "… trung bình đối với mạng băng rộng cố định", "xếp hạng về Chỉ số …". The written
 * name resolves to a name of the catalog when every word of that name is there, as written and in
 * order, and the only other words are runs of INSERTS strictly inside it (none before its first word
 * or after its last: "… của các bộ, ngành" after a name is a scope, not an inserted word). Any other
 * word put in ("cố định" for "di động", "tỉnh", "cáp quang") leaves the name unknown. Pure.
 */
import { foldKey } from './name-keys';
import { work } from '../work';

/**
 * What a writer puts between a name's words without naming another thing: the connectives "của"
 * (of), "đối với" (for), "về" (about), the subject words "mạng" (network: "tốc độ … của mạng băng
 * rộng cố định"), "Internet" ("tốc độ truy cập Internet băng rộng di động") and "ngành" (sector:
 * "doanh thu của ngành công nghiệp …"), the neutral words of name-keys.ts ("các", "những",
 * "đã") and the passive marker "được" ("hồ sơ được giải quyết trực tuyến toàn trình", "chứng thư
 * chữ ký số đã được cấp": the catalog's own aliases say "dịch vụ công đủ điều kiện [được] cung cấp
 * trực tuyến", "hồ sơ [được] xử lý trên cổng …" both ways). Lower case, NFC; "đối với" only as a pair. The evidence: the catalog's own aliases put in
 * exactly these ("giá trị tăng thêm của kinh tế số", "doanh thu ngành công nghiệp …", "tốc độ mạng
 * băng rộng …", "tốc độ Internet băng rộng …", always of the same entry: inserted-words.test); no
 * alias puts in "trong" or "tại" ("tại" opens a place: "tại Hà Nội"), so those stay out.
 */
const INSERT_RUN = /^(?:(?:của|đối với|về|mạng|ngành|các|những|đã|được|internet)(?:\s+|$))+$/u;
/** The single words of INSERT_RUN (a run is checked whole). */
const INSERT_WORDS = new Set(['của', 'đối', 'với', 'về', 'mạng', 'ngành', 'các', 'những', 'đã', 'được', 'internet']);
/** At most this many words put in: more is another phrase, not a name as written. */
const MAX_INSERTED = 4;

/** The words of a name, lower case and NFC ("Tốc độ … Mbps" → ["tốc", "độ", …]). */
export function nameWords(s: string): string[] {
  return s.normalize('NFC').toLowerCase().split(/[^\p{L}\p{M}\p{N}%]+/u).filter(Boolean);
}

/** Whether a word may be put into a name (INSERT_WORDS): what findNames counts toward a name as written. */
export function insertWord(raw: string): boolean {
  return INSERT_WORDS.has(raw.normalize('NFC').toLowerCase());
}

/** Whether a run of words put into a name (lower case, NFC) is only INSERT_RUN's words, "đối với" as a pair. */
export function insertRun(words: string[]): boolean {
  return INSERT_RUN.test(words.join(' '));
}

/** INSERT_WORDS folded (with the words they fold alike: "vé", "đa"; insertedInto tells them apart). */
const FOLDED_INSERTS = new Set([...INSERT_WORDS].map(foldKey));

/**
 * The key both a written name and a catalog name are looked up by, from its foldKey (the catalog
 * has it already: one foldKey per label, the costly part): its words without any of INSERT_WORDS.
 */
export function insertKeyOfFolded(folded: string): string {
  return folded
    .split(' ')
    .filter((w) => !FOLDED_INSERTS.has(w))
    .join(' ');
}

/** insertKeyOfFolded of a written name. */
export function insertKey(s: string): string {
  return insertKeyOfFolded(foldKey(s));
}

/**
 * Whether `written` is `name` with only runs of INSERT_RUN put strictly between its words (at least
 * one word put in, at most MAX_INSERTED). Words compare by foldKey, as the catalog's exact keys do
 * (tone placement, "tỷ"/"tỉ").
 */
export function insertedInto(written: string, name: string): boolean {
  const w = nameWords(written);
  const n = nameWords(name);
  work.steps += w.length + n.length;
  if (n.length < 3 || w.length <= n.length || w.length - n.length > MAX_INSERTED) return false;
  const wk = w.map(foldKey);
  const nk = n.map(foldKey);
  // The name's words in order: the first word and the last must be the written name's ends.
  if (wk[0] !== nk[0] || wk[wk.length - 1] !== nk[nk.length - 1]) return false;
  let i = 0;
  let run: string[] = [];
  for (const word of nk) {
    // Earliest match; the words skipped before it form one run put in.
    while (i < wk.length && wk[i] !== word) run.push(w[i++]);
    if (i >= wk.length) return false;
    if (run.length && !insertRun(run)) return false;
    run = [];
    i++;
  }
  return i === wk.length;
}
