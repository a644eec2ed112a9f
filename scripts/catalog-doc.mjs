// Generates the table of default indicators in docs/catalog-defaults.md from the embedded catalog
// (server/src/core/catalog/default-catalog.yaml), between the markers
// <!-- catalog:begin --> and <!-- catalog:end -->. Nothing outside the markers is touched.
//
//   node scripts/catalog-doc.mjs            rewrite docs/catalog-defaults.md (atomically: temp file + rename)
//   node scripts/catalog-doc.mjs --check    exit 1 if docs/catalog-defaults.md is out of date with the data
//   --doc FILE / --catalog FILE              other files (tests)
import { readFileSync, renameSync, writeFileSync, lstatSync, unlinkSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { parse } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const BEGIN = '<!-- catalog:begin -->';
const END = '<!-- catalog:end -->';

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const catalogPath = option('--catalog', join(root, 'server/src/core/catalog/default-catalog.yaml'));
const docPath = option('--doc', join(root, 'docs/catalog-defaults.md'));
const check = process.argv.includes('--check');

/** Markdown table cell: no pipes or line breaks. */
const cell = (s) => String(s ?? '').replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();

const MEASURES = {
  stock: 'stock (mức, lũy kế)',
  flow: 'flow (trong kỳ)',
  ratio: 'ratio (tỷ lệ)',
  growth: 'growth (tăng trưởng)',
  rank: 'rank (thứ hạng)',
  index: 'index (điểm)',
  fraction: 'fraction (x/y)',
};

function target(t) {
  const op = t.comparator === 'lte' ? '≤' : t.comparator === 'eq' ? '=' : '≥';
  return `${op} ${t.value} (${t.period})`;
}

/** The generated part of the document, from the catalog's text. */
export function render(text) {
  const data = parse(text);
  const indicators = data.indicators ?? [];
  const documents = data.documents ?? [];
  // Sections are the catalog's "# ---- Title" comments, in file order.
  const sectionOf = new Map();
  let section = '';
  for (const line of text.split(/\r?\n/)) {
    const s = /^\s*#\s*-{8,}\s*(.+?)\s*$/.exec(line);
    if (s) section = s[1];
    const id = /^  - id: (\S+)\s*$/.exec(line);
    if (id && !sectionOf.has(id[1])) sectionOf.set(id[1], section);
  }
  const bySection = new Map();
  for (const ind of indicators) {
    const s = sectionOf.get(ind.id) ?? '';
    if (!bySection.has(s)) bySection.set(s, []);
    bySection.get(s).push(ind);
  }
  const out = [];
  const counts = {};
  for (const ind of indicators) counts[ind.measure] = (counts[ind.measure] ?? 0) + 1;
  out.push(
    `${indicators.length} indicators / chỉ tiêu: ` +
      Object.entries(counts)
        .map(([m, n]) => `${n} ${m}`)
        .join(', ') +
      `; ${documents.length} documents / văn bản.`,
    '',
  );
  for (const [s, list] of bySection) {
    out.push(`### ${s || 'Khác / Other'}`, '');
    out.push('| id | Tên / name | Đo / measure | Đơn vị / unit | Tên khác, viết tắt / aliases | Mục tiêu / targets | Văn bản / decisions | Nguồn / sources |');
    out.push('|---|---|---|---|---|---|---|---|');
    for (const ind of list) {
      const names = [...(ind.aliases ?? []), ...(ind.abbreviations ?? []).map((a) => `**${a}**`)].map(cell).join('; ');
      const scope = ind.scope ? ` · ${ind.scope}` : '';
      const compiler = ind.compiler ? ` · @ ${(ind.compilerCodes ?? [ind.compiler]).join(', ')}` : '';
      const sources = (ind.sources ?? []).map((u, i) => `[${i + 1}](${u})`).join(' ');
      out.push(
        `| \`${ind.id}\` | ${cell(ind.name)}<br>${cell(ind.nameEn)} | ${MEASURES[ind.measure] ?? ind.measure}${scope}${compiler} | ${cell(ind.unit)} | ${names} | ${(ind.targets ?? []).map(target).join('; ')} | ${(ind.decisions ?? []).map(cell).join(', ')} | ${sources} |`,
      );
    }
    out.push('');
  }
  out.push('### Văn bản / Documents', '', '| Số / number | Ngày / date | Văn bản / title |', '|---|---|---|');
  for (const d of documents) out.push(`| ${d.url ? `[${cell(d.id)}](${d.url})` : cell(d.id)} | ${d.date ?? ''} | ${cell(d.title)} |`);
  return out.join('\n');
}

/** The document with the generated part replaced. */
export function update(doc, text) {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${docPath}: markers ${BEGIN} … ${END} not found`);
  return `${doc.slice(0, a + BEGIN.length)}\n${render(text)}\n${doc.slice(b)}`;
}

const doc = readFileSync(docPath, 'utf8');
const next = update(doc, readFileSync(catalogPath, 'utf8'));
if (check) {
  if (next !== doc) {
    process.stderr.write(`${docPath} is out of date with the catalog: run npm run docs:catalog\n`);
    process.exit(1);
  }
} else if (next !== doc) {
  if (lstatSync(docPath).isSymbolicLink()) throw new Error(`${docPath} is a symbolic link: not written`);
  const tmp = join(dirname(docPath), `.${basename(docPath)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, next, 'utf8');
    renameSync(tmp, docPath);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {}
    throw e;
  }
}
