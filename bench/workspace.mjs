// Deterministic synthetic workspace for the benchmark: session reports with the default catalog's
// indicators, figures written the Vietnamese way, period phrases, tables and front matter. Every
// (indicator, period) has one value, computed from the period's end date, so that every session
// states the same figure for it and the checks across sessions compare real, consistent data.
// The draft (the next session) adds a handful of deliberate mistakes so that it has findings.
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32): the same workspace for the same arguments, everywhere. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Vietnamese number formatting: "." groups thousands, "," is the decimal mark.

function groupInt(n) {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
function fmt(x, decimals = 0) {
  const s = x.toFixed(decimals);
  const [i, d] = s.split('.');
  return d ? `${groupInt(Number(i))},${d}` : groupInt(Number(i));
}

// ---------------------------------------------------------------------------------------------
// Periods

const ROMAN = ['I', 'II', 'III', 'IV'];
const pad = (n) => String(n).padStart(2, '0');
const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Last day of a period code, as years since 2000 (fractional): what values are a function of. */
function periodT(code) {
  let y;
  let m;
  let d;
  let mm;
  if ((mm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(code))) [y, m, d] = [+mm[1], +mm[2], +mm[3]];
  else if ((mm = /^(\d{4})-(\d{2})$/.exec(code))) [y, m] = [+mm[1], +mm[2]];
  else if ((mm = /^(\d{4})-Q(\d)$/.exec(code))) [y, m] = [+mm[1], +mm[2] * 3];
  else if ((mm = /^(\d{4})-S(\d)$/.exec(code))) [y, m] = [+mm[1], +mm[2] * 6];
  else [y, m] = [+code, 12];
  d ??= lastDay(y, m);
  return y - 2000 + (m - 1) / 12 + d / 366;
}

/** How a period code is written in a sentence. */
function phrase(code, r) {
  let mm;
  if ((mm = /^(\d{4})-12-31$/.exec(code))) return `cuối năm ${mm[1]}`;
  if ((mm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(code))) return `đến ngày ${+mm[3]}/${+mm[2]}/${mm[1]}`;
  if ((mm = /^(\d{4})-(\d{2})$/.exec(code))) return r() < 0.5 ? `tháng ${+mm[2]}/${mm[1]}` : `trong tháng ${+mm[2]}/${mm[1]}`;
  if ((mm = /^(\d{4})-Q(\d)$/.exec(code))) return `quý ${ROMAN[+mm[2] - 1]}/${mm[1]}`;
  if ((mm = /^(\d{4})-S1$/.exec(code))) return `6 tháng đầu năm ${mm[1]}`;
  if ((mm = /^(\d{4})-S2$/.exec(code))) return `6 tháng cuối năm ${mm[1]}`;
  return `năm ${code}`;
}

/** Periods a session held on `date` (UTC Date) may state, most recent first, by granularity. */
function periodsOf(date, depth) {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const months = [];
  for (let k = 0; k < depth; k++) {
    const mi = y * 12 + (m - 1) - k;
    months.push(`${Math.floor(mi / 12)}-${pad((mi % 12) + 1)}`);
  }
  const quarters = [];
  const q0 = y * 4 + Math.floor((m - 1) / 3) - 1; // the last finished quarter
  for (let k = 0; k < Math.max(4, depth / 3); k++) quarters.push(`${Math.floor((q0 - k) / 4)}-Q${((q0 - k) % 4) + 1}`);
  const years = [];
  for (let k = 1; k <= Math.max(3, depth / 12); k++) years.push(String(y - k));
  const halves = [];
  const h0 = y * 2 + (m > 6 ? 0 : -1);
  for (let k = 0; k < Math.max(2, depth / 6); k++) halves.push(`${Math.floor((h0 - k) / 2)}-S${((h0 - k) % 2) + 1}`);
  const yearEnds = years.map((yy) => `${yy}-12-31`);
  return { months, quarters, years, halves, yearEnds };
}

// ---------------------------------------------------------------------------------------------
// Indicators: real names of the default catalog, with how their figures are written.
// v(t): the value at time t (years since 2000); every writer below is a pure function of it.

const lin = (a, b) => (t) => a + b * t;
// `num(t)`: the value as written (rounded); `text(n)`: how it is written; `growth`: how a change on
// the same period a year earlier is written, consistent with the values ('pp' percentage points,
// 'rel' a relative change in %), or none.
const pct = (name, a, b, q = '') => ({
  name,
  shape: 'pct',
  periods: 'any',
  num: (t) => Math.round(Math.min(99.4, lin(a, b)(t)) * 10) / 10,
  text: (n) => `${q}${fmt(n, 1)}%`,
  growth: 'pp',
});
const frac = (name, denom, unit, a, b) => ({
  name,
  shape: 'frac',
  periods: 'any',
  num: (t) => Math.round(denom * Math.min(0.99, lin(a, b)(t))),
  text: (n) => `${fmt(n)}/${fmt(denom)} ${unit}`,
});
const count = (name, unit, a, b, q = '') => ({ name, shape: 'count', periods: 'stock', num: (t) => Math.round(lin(a, b)(t)), text: (n) => `${q}${fmt(n)} ${unit}`, growth: 'rel' });
const millions = (name, unit, a, b, q = '') => ({
  name,
  shape: 'count',
  periods: 'stock',
  num: (t) => Math.round(lin(a, b)(t) * 10) / 10,
  text: (n) => `${q}${fmt(n, 1)} triệu ${unit}`,
  growth: 'rel',
});

export const INDICATORS = [
  pct('Tỷ lệ hồ sơ trực tuyến toàn trình', 5, 1.5),
  pct('Tỷ lệ hồ sơ trực tuyến toàn trình của bộ, ngành', 8, 2),
  pct('Tỷ lệ hồ sơ trực tuyến toàn trình của địa phương', 3, 0.9),
  pct('Tỷ lệ dịch vụ công trực tuyến mức độ 4', 10, 2.5),
  pct('Tỷ lệ thủ tục hành chính được cắt giảm thông qua kế thừa dữ liệu số', 2, 1.1),
  pct('Tỷ lệ người dân trưởng thành có tài khoản công dân số', 4, 2.2),
  pct('Tỷ lệ bộ, ngành, địa phương có Ban Chỉ đạo chuyển đổi số', 30, 2.6),
  pct('Tỷ lệ bộ, ngành sử dụng nền tảng hỗ trợ quản lý bảo đảm an toàn thông tin theo cấp độ', 6, 2.4),
  pct('Tỷ lệ cấp huyện kết nối mạng truyền số liệu chuyên dùng', 40, 2.2),
  pct('Tỷ lệ cấp xã kết nối mạng truyền số liệu chuyên dùng', 20, 2.8),
  pct('Tỷ lệ hộ gia đình sử dụng Internet cáp quang', 12, 2.9),
  pct('Tỷ lệ hộ dân có điện thoại thông minh', 25, 2.4),
  pct('Tỷ trọng thương mại điện tử trong tổng mức bán lẻ', 1, 0.4),
  pct('Tỷ trọng kinh tế số trong GDP @ BTTTT', 6, 0.5, 'ước đạt '),
  pct('Tỷ trọng kinh tế số trong GDP @ TCTK', 1, 0.5),
  frac('Thủ tục hành chính được cung cấp trực tuyến', 6789, 'thủ tục', 0.2, 0.03),
  frac('Dịch vụ công thiết yếu được triển khai', 53, 'dịch vụ', 0.1, 0.035),
  frac('Bộ, cơ quan ngang bộ ban hành kế hoạch hoạt động của Ban Chỉ đạo chuyển đổi số', 22, 'bộ, cơ quan ngang bộ', 0.1, 0.04),
  frac('Địa phương ban hành kế hoạch hoạt động của Ban Chỉ đạo chuyển đổi số', 63, 'tỉnh, thành phố', 0.15, 0.035),
  frac('Bộ, ngành ban hành Kế hoạch chuyển đổi số hằng năm', 30, 'bộ, ngành', 0.1, 0.04),
  frac('Địa phương ban hành Kế hoạch chuyển đổi số hằng năm', 63, 'tỉnh, thành phố', 0.2, 0.033),
  frac('Nền tảng số quốc gia đưa vào sử dụng', 35, 'nền tảng', 0.05, 0.04),
  frac('Thôn, bản lõm sóng được phủ sóng băng rộng di động', 896, 'thôn, bản', 0.1, 0.035),
  frac('Cửa hàng bán lẻ xăng dầu triển khai hóa đơn điện tử từ máy tính tiền', 15981, 'cửa hàng', 0.1, 0.036),
  frac('Tỉnh, thành phố khai trương Trung tâm giám sát, điều hành thông minh', 63, 'tỉnh, thành phố', 0.05, 0.038),
  frac('Tỉnh, thành phố triển khai dịch vụ phản ánh hiện trường', 63, 'tỉnh, thành phố', 0.08, 0.036),
  millions('Số hồ sơ xử lý trên Cổng Dịch vụ công quốc gia', 'hồ sơ', 20, 9),
  millions('Số tài khoản trên Cổng Dịch vụ công quốc gia', 'tài khoản', 2, 0.9),
  millions('Số thẻ căn cước gắn chíp đã cấp', 'thẻ', 10, 4, 'trên '),
  count('Số bộ dữ liệu mở', 'bộ dữ liệu', 300, 250),
  count('Số tổ công nghệ số cộng đồng', 'tổ', 6000, 2100),
  count('Số thành viên tổ công nghệ số cộng đồng', 'thành viên', 30000, 11000),
  count('Số doanh nghiệp công nghệ số', 'doanh nghiệp', 12000, 2600),
  count('Số nền tảng số Việt Nam có người dùng thường xuyên hằng tháng', 'nền tảng', 400, 150),
  count('Quyết định về chuyển đổi số do Thủ tướng Chính phủ ban hành', 'quyết định', 20, 9),
  { name: 'Doanh thu kinh tế số', periods: 'flow', num: (t) => Math.round(lin(8, 2.4)(t)), text: (n) => `khoảng ${fmt(n)} tỷ USD`, growth: 'rel' },
  { name: 'Số cuộc tấn công mạng gây sự cố vào hệ thống thông tin tại Việt Nam', periods: 'flow', num: (t) => Math.round(900 + 40 * t), text: (n) => `${fmt(n)} cuộc`, growth: 'rel' },
  { name: 'Xếp hạng Chỉ số chuyển đổi số cấp tỉnh', periods: 'year', num: (t) => Math.max(1, 63 - (Math.floor(t) % 50)), text: (n) => `xếp thứ ${n}/63` },
  { name: 'Xếp hạng Chỉ số phát triển Chính phủ điện tử của Liên Hợp Quốc', periods: 'year', num: (t) => Math.max(1, 120 - 2 * Math.floor(t)), text: (n) => `xếp thứ ${n}/193` },
  { name: 'Tăng trưởng kinh tế số', periods: 'year', num: (t) => 15 + (Math.floor(t) % 9), text: (n) => `ước đạt ${fmt(n, 1)}%` },
];
for (const ind of INDICATORS) ind.write = (t) => ind.text(ind.num(t));

/** "tăng 4,2% so với cùng kỳ năm trước", consistent with the value a year before; '' if none fits. */
function growthClause(ind, code) {
  if (!ind.growth) return '';
  const n = ind.num(periodT(code));
  const p = ind.num(periodT(code) - 1);
  if (ind.growth === 'pp') {
    const d = Math.round((n - p) * 10) / 10;
    return d > 0 ? `, tăng ${fmt(d, 1)} điểm phần trăm so với cùng kỳ năm trước` : '';
  }
  if (p <= 0 || n <= p) return '';
  return `, tăng ${fmt(((n - p) / p) * 100, 1)}% so với cùng kỳ năm trước`;
}

/** Whether an indicator's figures may be stated for a period code (flows by quarter, ranks by year). */
function accepts(ind, code) {
  if (ind.periods === 'any') return true;
  if (ind.periods === 'flow') return /-Q\d$/.test(code);
  if (ind.periods === 'year') return /^\d{4}$/.test(code);
  return /^\d{4}-(\d{2}|Q\d|12-31)$/.test(code); // stock
}

const FILLER = [
  'Các bộ, ngành, địa phương tiếp tục quan tâm chỉ đạo, triển khai quyết liệt các nhiệm vụ chuyển đổi số.',
  'Hạ tầng số được đầu tư, nâng cấp; các nền tảng số dùng chung được đưa vào vận hành ổn định.',
  'Việc kết nối, chia sẻ dữ liệu giữa các cơ sở dữ liệu quốc gia và cơ sở dữ liệu chuyên ngành có chuyển biến tích cực.',
  'Nhận thức của người đứng đầu về vai trò của chuyển đổi số được nâng lên rõ rệt.',
  'Công tác bảo đảm an toàn, an ninh mạng được tăng cường, nhất là đối với các hệ thống thông tin quan trọng.',
  'Người dân, doanh nghiệp ngày càng sử dụng nhiều hơn các dịch vụ công trực tuyến.',
  'Một số địa phương chưa bố trí đủ nguồn lực cho chuyển đổi số; chất lượng dữ liệu còn chưa đồng đều.',
  'Thủ tướng Chính phủ yêu cầu các thành viên Ủy ban bám sát mục tiêu, nhiệm vụ đã đề ra.',
];

const SECTIONS_AFTER = [
  ['Tồn tại, hạn chế', 3],
  ['Nguyên nhân', 2],
  ['Nhiệm vụ, giải pháp trọng tâm', 3],
  ['Kết luận, chỉ đạo', 2],
];

/** Session dates: one a week, the last history session on 2024-06-03 (so denominators are 63, 22). */
const ANCHOR = Date.UTC(2024, 5, 3);
export function sessionDate(s, sessions) {
  return new Date(ANCHOR - 7 * 86400000 * (sessions - s));
}
const lowerFirst = (t) => (/^Thủ tướng/.test(t) ? t : t[0].toLowerCase() + t.slice(1));
const iso = (d) => d.toISOString().slice(0, 10);

/**
 * One report: `figures` bound figures (about half in prose, half in the indicator table),
 * for session `s`. Returns the text.
 */
export function report({ s, sessions, figures, mistakes = false, seed = 1 }) {
  const r = rng(seed * 1000003 + s);
  const date = sessionDate(s, sessions);
  const month = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
  // Deep enough that a large draft restates many earlier periods (as a yearly review does).
  const depth = Math.max(12, Math.ceil(figures / INDICATORS.length / 2));
  const P = periodsOf(date, Math.min(depth, 180));
  const pick = (a) => a[Math.floor(r() * a.length)];
  const periodFor = (ind) => {
    switch (ind.periods) {
      case 'flow':
        return pick(P.quarters);
      case 'year':
        return pick(P.years);
      case 'stock': {
        const x = r();
        return x < 0.6 ? pick(P.months) : x < 0.8 ? pick(P.yearEnds) : pick(P.quarters);
      }
      default: {
        const x = r();
        return x < 0.5 ? pick(P.months) : x < 0.75 ? pick(P.quarters) : x < 0.9 ? pick(P.halves) : pick(P.years);
      }
    }
  };
  const out = [];
  out.push('---', `session: ${s}`, `date: ${iso(date)}`, `period: ${month}`, `title: Phiên họp thứ ${s} của Ủy ban Quốc gia về chuyển đổi số`);
  out.push('committee: Ủy ban Quốc gia về chuyển đổi số', '---', '', `# Phiên họp thứ ${s} của Ủy ban Quốc gia về chuyển đổi số`, '');
  out.push(`Báo cáo tổng hợp kết quả chuyển đổi số quốc gia đến tháng ${+month.slice(5)}/${month.slice(0, 4)}, trình Phiên họp thứ ${s}.`, '');
  out.push('## Kết quả đạt được', '');
  // A third of the figures in prose, the rest in the indicator table (as real reports do).
  const prose = Math.ceil(figures / 3);
  let j = 0;
  let sub = 0;
  let para = [];
  const flush = () => {
    if (para.length) out.push(para.join(' '), '');
    para = [];
  };
  // "đạt 42%", but "xếp thứ 51/63" and "ước đạt 18,3%" carry their own verb.
  const verbOf = (value) => (/^\d/.test(value) || value.startsWith('trên') || value.startsWith('khoảng') ? 'đạt ' : '');
  for (let k = 0; k < prose; ) {
    if (k >= sub * 60) {
      flush();
      out.push(`### ${++sub}. Nhóm chỉ tiêu ${sub}`, '');
    }
    const ind = INDICATORS[j % INDICATORS.length];
    const code = periodFor(ind);
    const value = ind.write(periodT(code));
    const ph = phrase(code, r);
    const n = `[[${ind.name}]]`;
    const verb = verbOf(value);
    const x = r();
    let sentence;
    let used = 1;
    if (x < 0.35) {
      // Several indicators of one period in one sentence, each bound to the figure after it.
      const group = [`${n} ${verb}${value}`];
      while (group.length < 3 && k + used < prose) {
        const next = INDICATORS[(j + used) % INDICATORS.length];
        // Percentages with percentages: a fraction beside a percentage reads as its share (fraction-percent-mismatch).
        if (!accepts(next, code) || next.shape !== ind.shape) break;
        const v = next.write(periodT(code));
        group.push(`[[${next.name}]] ${verbOf(v)}${v}`);
        used++;
      }
      const list = group.length > 1 ? `${group.slice(0, -1).join(', ')} và ${group[group.length - 1]}` : group[0];
      sentence = code === month && r() < 0.5 ? `Trong kỳ báo cáo, ${list}.` : `Trong ${ph.replace(/^trong /, '')}, ${list}.`;
    } else if (code === month && x < 0.45) sentence = `Trong kỳ báo cáo, ${n} cả nước ${verb}${value}.`;
    else if (x < 0.6) sentence = `Theo báo cáo của các bộ, ngành, ${n} ${ph} ${verb ? 'là ' : ''}${value}.`;
    else if (x < 0.7) sentence = `Tính ${ph.startsWith('đến') ? ph : 'đến ' + ph.replace(/^trong /, '')}, ${n} ${verb}${value}; ${lowerFirst(pick(FILLER))}`;
    else if (x < 0.85) sentence = `${ph[0].toUpperCase()}${ph.slice(1)}, ${n} ${verb}${value}${growthClause(ind, code)}.`;
    else sentence = `Về ${n}: ${ph} ${verb}${value}.`;
    para.push(sentence);
    if (r() < 0.12) para.push(pick(FILLER));
    if (para.length >= 4) flush();
    k += used;
    j += used;
  }
  flush();
  if (mistakes) {
    // Deliberate mistakes, one per rule family, so that the draft has findings to publish.
    const d = periodsOf(date, 12);
    out.push('### Đối chiếu', '');
    out.push(`[[Số tài khoảng trên Cổng Dịch vụ công quốc gia]] đạt 16,4 triệu tài khoản ${phrase(d.months[0], r)}.`, '');
    out.push(`Trên Cổng Dịch vụ công quốc gia có thêm 1.5 triệu tài khoản trong ${phrase(d.months[0], r)}.`, '');
    out.push(`Nhắc lại kết quả ${phrase(d.quarters[1], r)}, [[Doanh thu kinh tế số]] khoảng ${fmt(9999)} tỷ USD.`, '');
    out.push(`[[Dịch vụ công thiết yếu được triển khai]] trên Cổng Dịch vụ công quốc gia đạt 54/53 dịch vụ.`, '');
    out.push(`Trong ${phrase(d.months[1], r)}, [[Số doanh nghiệp công nghệ số]] đạt 50,350 doanh nghiệp.`, '');
  }
  for (const [title, n] of SECTIONS_AFTER) {
    out.push(`## ${title}`, '');
    for (let k = 0; k < n; k++) out.push(`- ${pick(FILLER)}`);
    out.push('');
  }
  out.push('## Bảng chỉ tiêu', '', '| Chỉ tiêu | Kỳ | Giá trị | Ghi chú |', '|---|---|---|---|');
  for (let k = prose; k < figures; k++, j++) {
    const ind = INDICATORS[j % INDICATORS.length];
    const code = periodFor(ind);
    const x = r();
    out.push(`| [[${ind.name}]] | ${code} | ${ind.write(periodT(code))} | ${x < 0.1 ? 'ước tính' : x < 0.15 ? 'số chính thức' : ''} |`);
  }
  out.push('');
  return out.join('\n');
}

/** About how many bytes one bound figure takes in a report (prose and table mixed). */
export const BYTES_PER_FIGURE = 103;

/**
 * Writes the workspace: `sessions` reports of about `sessionKb` KB, plus drafts of the given sizes
 * (KB) as the next session. Returns the paths.
 */
export function writeWorkspace(dir, { sessions, sessionKb = 50, draftKbs = [100, 1024], seed = 1 }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.policy-report'), { recursive: true });
  mkdirSync(join(dir, 'phien'), { recursive: true });
  // An (empty) workspace catalog file marks the folder as the workspace root for the CLI.
  writeFileSync(join(dir, '.policy-report', 'indicators.yaml'), 'indicators: []\n');
  const files = [];
  for (let s = 1; s <= sessions; s++) {
    const f = join(dir, 'phien', `phien-${String(s).padStart(4, '0')}.report.md`);
    writeFileSync(f, sizedReport({ s, sessions, kb: sessionKb, seed }));
    files.push(f);
  }
  const drafts = {};
  for (const kb of draftKbs) drafts[kb] = sizedReport({ s: sessions + 1, sessions, kb, seed, mistakes: true });
  return { files, drafts, draftDate: iso(sessionDate(sessions + 1, sessions)) };
}

/** A report of about `kb` KB: the figure count is calibrated once on a small sample. */
export function sizedReport({ s, sessions, kb, seed = 1, mistakes = false }) {
  const target = kb * 1024;
  let figures = Math.max(10, Math.round(target / BYTES_PER_FIGURE));
  let text = report({ s, sessions, figures, mistakes, seed });
  // One correction step is enough: size is linear in the figure count.
  const bytes = Buffer.byteLength(text);
  figures = Math.max(10, Math.round((figures * target) / bytes));
  text = report({ s, sessions, figures, mistakes, seed });
  return text;
}
