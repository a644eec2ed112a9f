/**
 * The bundled example workspace, checked the way the CLI checks it: the session reports built from
 * the seeds have no findings at all, and the deliberate mistakes (each on the line after a
 * `<!-- mistake: RULE-ID -->` comment; front matter mistakes anywhere in the front matter) are
 * found, each by its rule, and nothing else is.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { repoRoot } from '../helpers';

const dir = path.join(repoRoot, 'examples');
const folder = pathToFileURL(dir).toString();

/** The example workspace in memory: catalog, figures.csv and every report (the history). */
async function service(): Promise<LanguageService> {
  const files: Record<string, string> = {};
  for (const f of ['indicators.yaml', 'figures.csv']) files[`${folder}/.policy-report/${f}`] = readFileSync(path.join(dir, '.policy-report', f), 'utf8');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await s.reloadCatalog();
  await s.indexWorkspace();
  return s;
}

/** Expected "line:code" pairs: the line after each mistake marker (front-matter: the marker's file). */
function mistakes(text: string): string[] {
  const out: string[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    const m = /<!--\s*mistake:\s*([a-z, -]+?)\s*-->/.exec(line);
    for (const code of m ? m[1].split(/[,\s]+/).filter(Boolean) : []) out.push(code === 'front-matter' ? `fm:${code}` : `${i + 1}:${code}`);
  });
  return out.sort();
}

describe('examples/', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort();

  it('has at least four sessions and a draft', () => {
    assert.ok(files.filter((f) => f.startsWith('phien-')).length >= 4, files.join(', '));
    assert.ok(files.some((f) => f.startsWith('du-thao')));
  });

  it('loads the workspace catalog without errors', async () => {
    const s = await service();
    for (const [uri, errors] of s.catalogs.errors()) assert.deepEqual(errors, [], uri);
    for (const [uri, problems] of s.history.csvProblems()) assert.deepEqual(problems, [], uri);
    assert.ok(s.history.sessionCount >= 5, 'sessions 2, 3, 5, 9 and the draft are in the history');
    assert.ok(s.catalogs.catalog.byId('da-nang-open-datasets'), 'workspace indicator added');
  });

  for (const file of files) {
    it(`${file}: exactly the deliberate mistakes`, async () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const findings = (await service()).check(`${folder}/${file}`, text, 1);
      const actual = findings.map((f) => {
        const inFrontMatter = f.code === 'front-matter';
        return inFrontMatter ? `fm:${f.code}` : `${f.range.start.line}:${f.code}`;
      });
      // Several front-matter findings count as the one marked mistake.
      assert.deepEqual([...new Set(actual)].sort(), mistakes(text), findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`).join('\n'));
      if (file.startsWith('phien-')) assert.equal(findings.length, 0);
    });
  }
});

describe('examples/README.md', () => {
  const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
  const draftFile = 'du-thao-phien-10.report.md';
  const draft = readFileSync(path.join(dir, draftFile), 'utf8');

  it("lists exactly the draft's mistake markers (file:line and rule) in its table", () => {
    const listed: string[] = [];
    for (const m of readme.matchAll(/^\| `([^`]+\.report\.md):(\d+)` \|.*?\| \[`([a-z-]+)`\]/gm)) {
      if (m[1] === draftFile) listed.push(`${Number(m[2]) - 1}:${m[3]}`);
    }
    // mistakes() names the marker's line (1-based), the README the mistake's line after it.
    assert.deepEqual(listed.sort(), mistakes(draft).sort());
  });

  it('states the number of mistakes the draft carries, in both languages and in the draft itself', async () => {
    const n = mistakes(draft).length;
    const findings = (await service()).check(`${folder}/${draftFile}`, draft, 1);
    assert.equal(new Set(findings.map((f) => `${f.range.start.line}:${f.code}`)).size, n, 'one finding per marked mistake');
    const counts = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => Number(m[1]));
    assert.deepEqual(counts(readme, /cộng (\d+) lỗi cố ý/g), [n]);
    assert.deepEqual(counts(readme, /plus (\d+) deliberate\s+mistakes/g), [n]);
    assert.deepEqual(counts(draft, /chứa (\d+) lỗi/g), [n]);
    assert.deepEqual(counts(draft, /contains (\d+) mistakes/g), [n]);
  });
});

describe('README.md: the status bar shown for the examples\' draft', () => {
  it('has the numbers the status bar shows for it (catalog, sessions, findings), in both languages', async () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    const draftFile = 'du-thao-phien-10.report.md';
    const s = await service();
    const findings = s.check(`${folder}/${draftFile}`, readFileSync(path.join(dir, draftFile), 'utf8'), 1).length;
    // What lsp/handlers.ts answers for policyReport/status, and client/src/status.ts shows.
    const [catalog, sessions] = [s.catalogs.catalog.size, s.history.sessionCount];
    const en = /"(\d+) indicators · (\d+) sessions · (\d+) findings"/.exec(readme);
    const vi = /"(\d+) chỉ tiêu · (\d+) phiên · (\d+) phát hiện"/.exec(readme);
    for (const m of [en, vi]) {
      assert.ok(m, 'the README shows the status bar in both languages');
      const [c, n, f] = m.slice(1).map(Number);
      assert.deepEqual([n, f], [sessions, findings]);
      // The catalog grows as entries are added to the default one: the README's figure is kept near it.
      assert.ok(Math.abs(c - catalog) <= catalog * 0.1, `README shows ${c} indicators, the catalog has ${catalog}`);
    }
  });
});
