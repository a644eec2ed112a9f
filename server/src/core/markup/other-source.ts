/**
 * Another source's estimate (issue 13): a sentence opening with a source that is no state body and no
 * compiler of any catalog entry ("Theo Google, …", an association the entry does not name) gives that
 * source's figures, no value of a catalog series. judge.ts whoseFigure lists such a figure `other-source`.
 */
import { foldKey, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';
/**
 * "Theo X, …" / "Theo số liệu của X, …" opening a sentence: the source it gives its figures (X
 * capitalised, up to a punctuation mark). A "theo X" after a figure is that figure's alone.
 */
const SOURCE = /^\s*Theo\s+(?:(?:số liệu|ước tính|báo cáo|khảo sát|thống kê|đánh giá|công bố|kết quả)\s+(?:mới nhất\s+)?(?:của\s+)?)?(\p{Lu}[^,;:.()]{0,60})/u;
/** A state body or an international organisation: the writer names the agency, not another estimate. */
const AGENCY = new RegExp(
  '^(?:' +
    [
      // bodies, plans and documents of the state
      'bo', 'cuc', 'tong cuc', 'uy ban', 'ubnd', 'hdnd', 'ban', 'so', 'vien', 'trung tam', 'chinh phu', 'quoc hoi', 'van phong', 'dang', 'tinh', 'thanh pho', 'to cong tac',
      'nghi quyet', 'nghi dinh', 'quyet dinh', 'ke hoach', 'chien luoc', 'chuong trinh', 'de an', 'cong thong tin', 'cong dich vu cong', 'bao cao', 'so lieu', 'ket qua',
      // an index cited by name ("Theo Chỉ số an toàn thông tin mạng toàn cầu năm 2024 (GCI 2024) …")
      'chi so',
      // the officials who speak for them ("Theo Thứ trưởng …")
      'thu tuong', 'pho thu tuong', 'bo truong', 'thu truong', 'chu tich', 'pho chu tich', 'giam doc', 'pho giam doc', 'cuc truong', 'vu truong', 'lanh dao', 'dai dien', 'ong', 'ba',
      // international organisations (an association is another source: ASSOCIATION)
      'lien hop quoc', 'lien minh', 'to chuc', 'ngan hang', 'lien doan', 'tap doan',
    ].join('|') +
    ')(?:[^a-z]|$)',
);

/**
 * An association giving the sentence's figures, as its subject or its source ("Hiệp hội Thương mại
 * điện tử Việt Nam (VECOM) … ước …", "Theo Hiệp hội …"): its name and the code in brackets after it.
 */
const ASSOCIATION = /^\s*(?:Theo\s+(?:(?:số liệu|ước tính|báo cáo|khảo sát|thống kê|đánh giá|công bố|kết quả)\s+(?:mới nhất\s+)?(?:của\s+)?)?)?(Hiệp hội\s+\p{Lu}[^,;:.()]{0,60})(?:\(\s*([^()]{1,20}?)\s*\))?/u;

const words = (x: string): string => foldKey(x).replace(/[^a-z0-9]+/g, ' ').trim();

/** Whether the entry names the association (its name or its code, folded) as a compiler. */
function compiledBy(ind: Indicator | undefined, names: string[]): boolean {
  const own = (ind?.compilers ?? []).flatMap((c) => [c.name, ...(c.codes ?? [])]).map(words).filter(Boolean);
  return names.map(words).some((n) => !!n && own.some((w) => w === n || ` ${n} `.includes(` ${w} `) || ` ${w} `.includes(` ${n} `)));
}

/**
 * The names a compiler's catalog name holds (class compiler-named-in-part, round 18): the name before
 * its brackets and the one inside ("Ookla (Speedtest Global Index)": "Ookla", "Speedtest Global Index"),
 * each body of a comma list ("Trung tâm Internet Việt Nam (VNNIC), Bộ …"). A writer cites one of them:
 * "Theo Speedtest Global Index tháng 7/2021, …" names the entry's compiler, no other source.
 */
export function compilerNameParts(name: string): string[] {
  return name.split(/[(),]/).map((p) => p.trim()).filter((p) => p.length > 2);
}

/** The catalog's compilers (names, the parts of their names and codes, as folded words), once per catalog. */
const compilerWords = new WeakMap<Catalog, string[]>();
export function compilersOf(catalog: Catalog): string[] {
  let out = compilerWords.get(catalog);
  if (!out) {
    const set = new Set<string>();
    for (const ind of catalog.all()) for (const c of ind.compilers ?? []) for (const name of [c.name, ...compilerNameParts(c.name), ...(c.codes ?? [])]) if (words(name)) set.add(words(name));
    compilerWords.set(catalog, (out = [...set]));
  }
  return out;
}

/**
 * The source a sentence opens with ("Theo Google, …"), when it is no state body and no compiler of
 * any catalog entry: its figures are that source's estimates, not a series of the catalog ("Theo
 * Google, … ; riêng kinh tế số du lịch tăng 82%"). An association ({@link ASSOCIATION}) is another
 * source unless `ind`, the entry marked, names it as a compiler. `sentence`: the sentence up to and
 * with the figure's clause (a clause after ";" keeps its sentence's opening). The message listing the mark, else null.
 */
export function otherSource(sentence: string, catalog: Catalog, f: Figure, ind?: Indicator): ReturnType<typeof msg> | null {
  work.steps += sentence.length;
  const a = ASSOCIATION.exec(sentence);
  const m = a ?? SOURCE.exec(sentence);
  if (!m) return null;
  const source = m[1].trim();
  const folded = words(source);
  if (a) {
    if (compiledBy(ind, [source, a[2] ?? ''])) return null;
  } else if (!folded || AGENCY.test(folded)) return null;
  else if (compilersOf(catalog).some((w) => ` ${w} `.includes(` ${folded} `) || ` ${folded} `.includes(` ${w} `))) return null;
  // A report's title, then its publisher ("Theo báo cáo Hiện trạng … toàn cầu công bố tại … của UPU"): the publisher is the source (reading.md §31).
  const opening = source + (/^[^,;:.()]{0,160}/.exec(sentence.slice(m.index + m[0].length))?.[0] ?? '');
  const publisher = words(/\s(?:của|do)\s+(\p{Lu}[^]{0,40})$/u.exec(opening.trim())?.[1] ?? '');
  if (publisher && (AGENCY.test(publisher) || compilersOf(catalog).includes(publisher))) return null;
  return msg(
    `Câu dẫn nguồn "${source}" cho số liệu "${f.raw}", không phải cơ quan biên soạn nào của danh mục: số liệu là ước tính của nguồn đó, chưa đánh dấu.`,
    `The sentence gives "${source}" as the source of "${f.raw}", no compiler of the catalog: the figure is that source's estimate, left unmarked.`,
  );
}
