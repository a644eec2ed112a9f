/** Team workflow: config.yaml, snippets, directives and export, through the language service and the CLI. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { parseConfigYaml, globMatch, inHistory } from '../../server/src/core/config';
import { parseSnippetFile } from '../../server/src/core/snippets';
import { exportPlain } from '../../server/src/core/export';
import { parseReport } from '../../server/src/core/parse/document';
import { snippetToText } from '../../server/src/core/rules/section-snippets';
import { fixturesDir, repoRoot } from '../helpers';

const dir = path.join(fixturesDir, 'team');
const folder = pathToFileURL(dir).toString();
const read = (rel: string) => readFileSync(path.join(dir, rel), 'utf8');

async function teamService(extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    [`${folder}/.policy-report/config.yaml`]: read('.policy-report/config.yaml'),
    [`${folder}/.policy-report/snippets/nhom.json`]: read('.policy-report/snippets/nhom.json'),
    [`${folder}/.policy-report/snippets/hong.json`]: read('.policy-report/snippets/hong.json'),
    [`${folder}/draft.report.md`]: read('draft.report.md'),
    ...extra,
  };
  const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await s.reloadConfig();
  await s.reloadCatalog();
  await s.reloadSnippets();
  await s.indexWorkspace();
  return s;
}

describe('team workflow', () => {
  it('config.yaml turns rules off, changes severities, requires sections and picks the language', async () => {
    const s = await teamService();
    const uri = `${folder}/draft.report.md`;
    const findings = s.check(uri, read('draft.report.md'), 1);
    const codes = findings.map((f) => `${f.range.start.line}:${f.code}:${f.severity}`);
    assert.ok(!codes.some((c) => c.includes('english-decimal')), 'english-decimal is off');
    assert.ok(codes.includes('13:unit-mismatch:error'), codes.join(' '));
    assert.ok(codes.includes('7:missing-section:warning'), 'Kết luận, chỉ đạo is required');
    assert.equal(findings.filter((f) => f.code === 'missing-section').length, 1);
    // The disable comment removes one finding and no other on its line.
    assert.ok(!codes.some((c) => c.startsWith('16:percent-out-of-range')));
    assert.ok(codes.includes('16:count-decimals:warning'));
    assert.match(findings[0].message, /[ăâđêôơư]/, 'language: vi from config.yaml');
  });

  it('the editor\'s settings win over config.yaml', async () => {
    const s = await teamService();
    s.setEditorSettings(folder, { language: 'en', rules: { 'english-decimal': 'warning' } });
    const codes = s.check(`${folder}/draft.report.md`, read('draft.report.md'), 1).map((f) => f.code);
    assert.ok(codes.includes('english-decimal'));
  });

  it('reports a broken config.yaml on its own line', () => {
    const { config, errors } = parseConfigYaml('rules:\n  no-such-rule: off\n  unit-mismatch: loud\nlanguage: fr\nfoo: 1\n', ['unit-mismatch']);
    assert.deepEqual(config, { rules: {} });
    assert.deepEqual(
      errors.map((e) => e.range.start.line),
      [1, 2, 3, 4],
    );
  });

  it('largeMovementShare: a number above 0 and at most 10; anything else is an error on its line', () => {
    assert.deepEqual(parseConfigYaml('largeMovementShare: 0.3\n', []), { config: { largeMovementShare: 0.3 }, errors: [] });
    for (const bad of ['largeMovementShare: 0\n', 'largeMovementShare: -1\n', 'largeMovementShare: 20\n', 'largeMovementShare: "20%"\n']) {
      const { config, errors } = parseConfigYaml(bad, []);
      assert.deepEqual(config, {}, bad);
      assert.deepEqual(errors.map((e) => e.range.start.line), [0], bad);
    }
  });

  it('names each config.yaml syntax error once, though the YAML parser repeats one per unclosed bracket', () => {
    const { errors } = parseConfigYaml('rules: {{{\n', []);
    const shown = errors.map((e) => `${e.range.start.line}:${e.range.start.character} ${e.message.en}`);
    assert.ok(shown.length >= 1);
    assert.deepEqual(shown, [...new Set(shown)]);
  });

  it('offers team snippets, reports a malformed file and still offers the others', async () => {
    const s = await teamService();
    const snippets = s.teamSnippets(`${folder}/draft.report.md`);
    // The broken file's readable entry ('hong') is kept by the tolerant JSONC parser; 'thieu' lacks a body.
    assert.deepEqual(snippets.flatMap((x) => x.prefixes).sort(), ['ho-so-toan-trinh', 'hong', 'hoso', 'ketluan-tt']);
    const problems = [...s.catalogFindings()].filter(([uri]) => uri.endsWith('hong.json')).flatMap(([, f]) => f);
    assert.ok(problems.length >= 2, JSON.stringify(problems));
    assert.ok(problems.every((p) => p.code === 'catalog-error'));
    // A new snippet file is picked up without a reload of the rest.
    s.updateSnippetFile(`${folder}/.policy-report/snippets/moi.json`, '{ "Mới": { "prefix": "moi", "body": "mới" } }');
    assert.ok(s.teamSnippets(`${folder}/draft.report.md`).some((x) => x.prefixes.includes('moi')));
    const { snippets: none, problems: p2 } = parseSnippetFile('[1, 2]', 'u');
    assert.equal(none.length, 0);
    assert.equal(p2.length, 1);
  });

  it('history include/exclude globs match in linear time', () => {
    assert.ok(globMatch('**/*.report.md', 'a/b/x.report.md'));
    assert.ok(globMatch('**/*.report.md', 'x.report.md'));
    assert.ok(!globMatch('drafts/*.report.md', 'drafts/a/x.report.md'));
    assert.ok(globMatch('drafts/**', 'drafts/a/x.report.md'));
    assert.ok(!inHistory('drafts/x.report.md', { history: { exclude: ['drafts/**'] } }));
    assert.ok(inHistory('phien-02.report.md', { history: { exclude: ['drafts/**'] } }));
    const evil = '*'.repeat(200) + 'a';
    const t0 = process.cpuUsage(); // CPU time: other processes' load does not count
    assert.ok(!globMatch(evil, 'b'.repeat(5000)));
    const d = process.cpuUsage(t0);
    assert.ok((d.user + d.system) / 1000 < 5000, 'no exponential blow-up');
  });

  it('export drops only the dialect\'s marks', () => {
    const text = read('draft.report.md').replace('[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 42', '[[Tỷ  lệ hồ sơ trực tuyến toàn trình @ X]] đạt 42') + '\n`[[code]]` stays.\n';
    const out = exportPlain(parseReport(text, 'u'));
    assert.ok(!/\[\[(?!code)/.test(out));
    assert.match(out, /Tỷ {2}lệ hồ sơ trực tuyến toàn trình đạt 42 tỷ USD/);
    assert.match(out, /`\[\[code\]\]` stays/);
    assert.equal(out.replace(/\s/g, '').length > 0, true);
  });

  it('section snippets become plain text for the quick fix', () => {
    assert.equal(snippetToText('a ${1:b ${2:c}} ${3|x,y|} $0 ${CURRENT_YEAR}'), 'a b c x  ');
  });

  it('the CLI reads config.yaml too, and export writes plain Markdown', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'policy-report.js'), 'check', dir, '--format', 'json'], { encoding: 'utf8' });
    const codes = (JSON.parse(r.stdout) as Array<{ code: string; file: string }>).filter((f) => f.file.endsWith('draft.report.md')).map((f) => f.code);
    assert.ok(!codes.includes('english-decimal'));
    assert.ok(codes.includes('unit-mismatch'));
    const e = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'policy-report.js'), 'export', path.join(dir, 'draft.report.md')], { encoding: 'utf8' });
    assert.equal(e.status, 0);
    assert.ok(!e.stdout.includes('[['));
  });
});
