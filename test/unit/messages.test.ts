/**
 * Every message of every rule, rendered in both languages from the fixtures (test/fixtures/rules,
 * the history workspaces, the examples, broken data files), read as a careful reader would: a
 * Vietnamese message has no English in it and an English one no Vietnamese (quoted text, names and
 * figures as written aside), no parentheses inside parentheses, no ISO date (27/4/2022 in
 * Vietnamese, 27 Apr 2022 in English), and no dangling "— figures.csv (…)". And every rule's
 * message table (`meta.messages`): each id a rule uses is in its table, each message of the table
 * is used by the fixtures, each template has the same placeholders in both languages and reads as
 * one language; `meta.fixable` says whether its findings carry quick fixes.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { placeholders, type Lang, type MsgValue } from '../../server/src/core/i18n';
import { LanguageService } from '../../server/src/core/service';
import { ruleMetadata, rules, type RuleFinding } from '../../server/src/core/rules/index';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir, repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';

interface Rendered {
  where: string;
  code: string;
  lang: Lang;
  text: string;
}

/** All the files of a workspace folder (reports and .policy-report data), keyed by URI. */
function folderFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.report\.md$|\.policy-report[\\/].+\.(yaml|csv|json)$/.test(p)) out[pathToFileURL(p).toString()] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/** Every finding's message (and its related information's) over a workspace, in one language. */
async function render(where: string, files: Record<string, string>, folder: string, lang: Lang, severities = {}): Promise<Rendered[]> {
  const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang, severities });
  s.setEditorSettings('', { language: lang });
  await s.reloadConfig();
  await s.reloadCatalog();
  await s.reloadSnippets();
  await s.indexWorkspace();
  const out: Rendered[] = [];
  for (const [uri, findings] of s.catalogFindings()) for (const f of findings) out.push({ where: `${where}/${path.basename(uri)}`, code: f.code, lang, text: f.message });
  for (const uri of Object.keys(files).filter((u) => u.endsWith('.report.md'))) {
    for (const f of s.check(uri, files[uri], 1)) {
      const at = `${where}/${path.basename(uri)}:${f.range.start.line + 1}`;
      out.push({ where: at, code: f.code, lang, text: f.message });
      for (const r of f.related ?? []) out.push({ where: `${at} (related)`, code: f.code, lang, text: typeof r.message === 'string' ? r.message : r.message[lang] });
    }
  }
  return out;
}

/** Broken data files of each kind, a misspelt config key and rule id among them. */
const BROKEN: Record<string, string> = {
  'file:///broken/.policy-report/config.yaml': 'langauge: vi\nrules:\n  english-decimals: "off"\n  unit-mismatch: loud\n  no-such-thing: error\ndebounceMs: -1\nfoo: 1\n',
  'file:///broken/.policy-report/indicators.yaml': 'indicators:\n  - id: Bad Id\n    name: Một chỉ tiêu\n    measure: nope\n',
  'file:///broken/.policy-report/figures.csv': 'indicator,period,value,unit\nKhông có,2023,1,\nSố doanh nghiệp công nghệ số,2022-Q9,1,\nSố doanh nghiệp công nghệ số,2023,abc,\n',
  'file:///broken/.policy-report/snippets/a.json': '{ "x": { "prefix": 1 }, ',
  'file:///broken/a.report.md': '---\nsession: 1\ndate: 2025-01-01\nperiod: 2024\ntitle: T\n---\n\n## Kết quả đạt được\n',
};

async function renderAll(lang: Lang): Promise<Rendered[]> {
  const out: Rendered[] = [];
  // Every rule's fixture workspaces (test/fixtures/rules/<id>/), the section rules off except in their own.
  for (const ws of fixtureWorkspaces()) {
    const off = ['missing-section', 'section-order'].includes(ws.rule) ? {} : { 'missing-section': 'off', 'section-order': 'off' };
    out.push(...(await render(path.relative(repoRoot, ws.dir), folderFiles(ws.dir), pathToFileURL(ws.dir).toString(), lang, off)));
  }
  out.push(...(await render('broken', BROKEN, 'file:///broken', lang)));
  for (const d of [path.join(fixturesDir, 'team'), path.join(repoRoot, 'examples')]) {
    out.push(...(await render(path.relative(repoRoot, d), folderFiles(d), pathToFileURL(d).toString(), lang)));
  }
  return out;
}

/** The message without what it quotes: "…", `…`, [[…]] (names, figures and sources as written). */
function unquoted(text: string): string {
  return text.replace(/"[^"]*"|“[^”]*”|`[^`]*`|\[\[[^\]]*\]\]/g, 'Q');
}

/** English words a Vietnamese message never needs. */
const ENGLISH = /\b(the|is|are|of|and|not|for|with|must|missing|malformed|cannot|session|figure|file|should|was|expected|invalid|unknown)\b/i;
/** Vietnamese words of our own sentences, which an English message never needs (data is quoted). */
const VIETNAMESE = /(?<!\p{L})(của|và|là|không|phải|nhưng|với|cho|trong|được|đã|chưa|thiếu|tệp|phiên|kỳ|hợp lệ|ngầm định|tại|theo|nên|hãy|hạng|thành phần|số liệu)(?!\p{L})/iu;

/**
 * A letter only Vietnamese has (with its diacritics): an English message names Vietnamese words
 * only in quotes ("Doanh thu kinh tế số", "tỉnh, thành phố"), as data.
 */
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** A date as each language writes it (formatDate): "27/4/2022", "27 Apr 2022". */
const VI_DATE = /(?<![\d/])\d{1,2}\/\d{1,2}\/\d{4}(?![\d/])/;
const EN_DATE = /\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/;

/** What a careful reader would object to in one message, or null. */
export function objection(r: Pick<Rendered, 'lang' | 'text'>): string | null {
  const bare = unquoted(r.text);
  let depth = 0;
  for (const ch of bare) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (depth > 1) return 'parentheses inside parentheses';
  }
  if (/\b\d{4}-\d{2}-\d{2}\b/.test(bare)) return 'an ISO date';
  if (/—\s*$|—\s*(figures\.csv|phiên|session)/.test(bare)) return 'a dangling "— …"';
  if (/\s\/\s/.test(bare)) return 'two languages joined by " / "';
  const mixed = r.lang === 'vi' ? ENGLISH.exec(bare) : VIETNAMESE.exec(bare) ?? VIETNAMESE_LETTER.exec(bare);
  if (mixed) return `"${mixed[0]}" is not ${r.lang === 'vi' ? 'Vietnamese' : 'English'}`;
  // A date in the other language's form: 27/4/2022 is Vietnamese, 27 Apr 2022 English.
  const date = r.lang === 'vi' ? EN_DATE.exec(bare) : VI_DATE.exec(bare);
  if (date) return `the date "${date[0]}" is not written the ${r.lang === 'vi' ? 'Vietnamese' : 'English'} way`;
  return null;
}

/** The message ids a finding uses: its message, its fixes' titles, its related messages, and the messages these name. */
function idsOf(f: RuleFinding): string[] {
  const out: string[] = [];
  const value = (v: MsgValue): void => {
    if (typeof v !== 'object') return;
    if ('join' in v) v.items.forEach(value);
    else if ('id' in v) ref(v);
  };
  const ref = (r: RuleFinding['message']) => {
    out.push(r.id);
    for (const v of Object.values(r.params ?? {})) value(v);
  };
  ref(f.message);
  for (const x of f.fixes ?? []) ref(x.title);
  for (const r of f.related ?? []) ref(r.message);
  return out;
}

/** What each rule reported while the fixtures were rendered: the message ids it used, and whether any finding had a fix. */
interface Usage {
  ids: Set<string>;
  fixes: number;
}

/** Runs `body` with every rule's check watched: the ids of the messages its findings use. */
async function watchingRules(usage: Map<string, Usage>, body: () => Promise<void>): Promise<void> {
  const originals = rules.map((r) => r.check);
  rules.forEach((rule, i) => {
    const mine: Usage = usage.get(rule.meta.id) ?? { ids: new Set(), fixes: 0 };
    usage.set(rule.meta.id, mine);
    rule.check = (analysis, report) =>
      originals[i].call(rule, analysis, (f) => {
        for (const id of idsOf(f)) mine.ids.add(id);
        if (f.fixes?.length) mine.fixes++;
        report(f);
      });
  });
  try {
    await body();
  } finally {
    rules.forEach((rule, i) => (rule.check = originals[i]));
  }
}

describe('messages in both languages', function () {
  const rendered: Rendered[] = [];
  const usage = new Map<string, Usage>();
  before(async () => {
    await watchingRules(usage, async () => {
      for (const lang of ['vi', 'en'] as const) rendered.push(...(await renderAll(lang)));
    });
  });

  it("every message id a rule uses is in its meta.messages, and the fixtures use every message of every rule", () => {
    const unknown: string[] = [];
    const unused: string[] = [];
    for (const { meta } of rules) {
      const used = usage.get(meta.id)?.ids ?? new Set();
      for (const id of used) if (!Object.hasOwn(meta.messages, id)) unknown.push(`${meta.id}: ${id}`);
      for (const id of Object.keys(meta.messages)) if (!used.has(id)) unused.push(`${meta.id}: ${id}`);
    }
    assert.deepEqual(unknown, [], 'message ids not in meta.messages');
    assert.deepEqual(unused, [], 'messages no fixture renders (add a fixture to test/fixtures/rules/<id>/, or drop the message)');
  });

  it("meta.fixable: a fixable rule's fixtures get a quick fix, and no other rule's findings carry one", () => {
    for (const { meta } of rules) {
      const fixes = usage.get(meta.id)?.fixes ?? 0;
      if (meta.fixable) assert.ok(fixes > 0, `${meta.id}: fixable, but no fixture finding has a fix`);
      else assert.equal(fixes, 0, `${meta.id}: not fixable, but ${fixes} findings have fixes`);
    }
  });

  it('every template: the same placeholders in both languages, each language on its own', () => {
    const bad: string[] = [];
    for (const { meta } of rules) {
      for (const [id, t] of Object.entries(meta.messages)) {
        const [vi, en] = [placeholders(t.vi).sort(), placeholders(t.en).sort()];
        if (vi.join() !== en.join()) bad.push(`${meta.id}.${id}: placeholders {${vi.join('}, {')}} / {${en.join('}, {')}}`);
        for (const lang of ['vi', 'en'] as const) {
          const why = objection({ lang, text: t[lang].replace(/\{\w+\}/g, 'X') });
          if (why) bad.push(`${meta.id}.${id} (${lang}): ${why}: ${t[lang]}`);
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('renders the findings of every rule that the fixtures exercise, in both languages', () => {
    const codes = (lang: Lang) => new Set(rendered.filter((r) => r.lang === lang).map((r) => r.code));
    assert.deepEqual([...codes('vi')].sort(), [...codes('en')].sort());
    // Every rule but the file-level ones (unreadable-file needs a real file system) shows at least once.
    for (const id of ruleMetadata.map((r) => r.id).filter((id) => id !== 'unreadable-file')) assert.ok(codes('en').has(id), `no fixture renders ${id}`);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`every ${lang === 'vi' ? 'Vietnamese' : 'English'} message reads as one language, without nested parentheses, ISO dates or dangling dashes`, () => {
      const bad = rendered.filter((r) => r.lang === lang).flatMap((r) => {
        const why = objection(r);
        return why ? [`${r.where} ${r.code}: ${why}\n    ${r.text}`] : [];
      });
      assert.deepEqual(bad, []);
    });
  }

  it('dates and numbers as each language writes them: 27/4/2022 and 27 Apr 2022, 57,14% and 57.14%, 170.000.000 and 170,000,000', () => {
    const texts = (lang: Lang) => rendered.filter((r) => r.lang === lang).map((r) => unquoted(r.text));
    const has = (lang: Lang, re: RegExp) => assert.ok(texts(lang).some((t) => re.test(t)), `no ${lang} message matches ${re}`);
    // The examples' figure-conflict names session 2 of 27 April 2022.
    has('vi', /\b27\/4\/2022\b/);
    has('en', /\b27 Apr 2022\b/);
    // fraction-percent-mismatch computes 512/896; implied-base-conflict a base of 170 million.
    has('vi', /= 57,14%/);
    has('en', /= 57\.14%/);
    has('vi', /\b170\.000\.000\b/);
    has('en', /\b170,000,000\b/);
    // Computed numbers are never in the other language's form (what is quoted is as written).
    const wrong = [
      ...texts('vi').filter((t) => /\d,\d{3},\d{3}\b|\b\d+\.\d{1,2}%/.test(t)),
      ...texts('en').filter((t) => /\d\.\d{3}\.\d{3}\b|\b\d+,\d{1,2}%/.test(t)),
    ];
    assert.deepEqual(wrong, []);
  });

  it('the checker itself flags the forms the issue names', () => {
    assert.ok(objection({ lang: 'vi', text: 'đã báo cáo 154 triệu (cuối năm 2022 (31/12/2022)).' }));
    assert.ok(objection({ lang: 'vi', text: 'Mẫu số 63 không khớp tại 2024-12-31.' }));
    assert.ok(objection({ lang: 'en', text: 'but the stored value is — figures.csv (x).' }));
    assert.ok(objection({ lang: 'vi', text: 'quy tắc không tồn tại: x / unknown rule: x' }));
    assert.ok(objection({ lang: 'en', text: 'The sentence is wrong của the catalog.' }));
    assert.ok(objection({ lang: 'en', text: 'does not match the number of tỉnh, thành phố on 31 Dec 2024.' }), 'an unquoted Vietnamese word in English');
    assert.ok(objection({ lang: 'en', text: 'reported for 2022 Q1 at session 2 on 27/4/2022.' }), 'a Vietnamese date in English');
    assert.ok(objection({ lang: 'vi', text: 'tại phiên họp thứ 2 ngày 27 Apr 2022.' }), 'an English date in Vietnamese');
    assert.equal(objection({ lang: 'vi', text: 'tại phiên họp thứ 2 ngày 27/4/2022.' }), null);
    assert.equal(objection({ lang: 'en', text: '"khoảng 60 tỷ USD" differs from "Doanh thu kinh tế số" for 2022 Q1 at session 2 on 27 Apr 2022.' }), null);
  });

  it('config.yaml: a misspelt key or rule id gets a did-you-mean, under config-error, in the chosen language', () => {
    const config = (lang: Lang) => rendered.filter((r) => r.lang === lang && r.code === 'config-error').map((r) => r.text);
    assert.ok(config('en').some((t) => t.includes('did you mean "english-decimal"?')), config('en').join('\n'));
    assert.ok(config('vi').some((t) => t.includes('có phải "english-decimal"?')), config('vi').join('\n'));
    assert.ok(config('en').some((t) => t.includes('did you mean "language"?')));
    assert.ok(config('en').some((t) => t.includes('"no-such-thing"') && t.includes('docs/rules')));
  });
});

describe('a rule that fails', () => {
  it('is reported as an internal error of that rule, in the language of the check, and the other rules still run', () => {
    const rule = rules.find((r) => r.meta.id === 'english-decimal')!;
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      for (const [lang, text] of [['vi', 'lỗi nội bộ trong quy tắc english-decimal: boom'], ['en', 'internal error in rule english-decimal: boom']] as const) {
        const s = new LanguageService({ workspace: new InMemoryWorkspace(), lang });
        const findings = s.check('file:///x.report.md', '---\nsession: 1\ndate: 2024-01-01\nperiod: 2023\ntitle: T\n---\n\n[[Không có]] đạt 1.5 triệu.\n', 1);
        assert.deepEqual(findings.filter((f) => f.code === 'english-decimal').map((f) => [f.severity, f.message]), [['error', text]]);
        assert.ok(findings.some((f) => f.code === 'unknown-indicator'));
      }
    } finally {
      rule.check = original;
    }
  });
});

describe('a comment above the front matter', () => {
  it('is named as the cause, with where the comment goes instead', () => {
    const text = readFileSync(path.join(fixturesDir, 'rules', 'front-matter', 'front-matter-below-comment.report.md'), 'utf8');
    const s = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
    const [f] = s.check('file:///fixtures/front-matter-below-comment.report.md', text, 1).filter((x) => x.code === 'front-matter');
    assert.match(f.message, /must start on line 1: move the `<!-- … -->` comment below the front matter's closing `---` line/);
  });
});
