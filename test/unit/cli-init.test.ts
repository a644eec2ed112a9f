/**
 * `policy-report init` and `policy-report new`, run as users run them (the built bin): init into an
 * empty folder, then check → exit 0 with no finding; init again refuses and changes nothing, --force
 * replaces; `new` writes the next session's draft beside the last report, which checks clean too.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PUBLISHED_SCHEMAS, schemaReference } from '../../server/src/io/schema';
import { firstReferenceOffset } from '../../client/src/walkthrough';
import { parseSnippetFile } from '../../server/src/core/snippets';
import { initFiles } from '../../server/src/cli/init';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' }, timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI init and new', function () {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-init-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('init into an empty folder, then check: exit 0, no finding, a summary that says so', () => {
    const ws = path.join(dir, 'nhom');
    const init = run(['init', 'nhom', '--date', '2025-03-01', '--lang', 'en'], dir);
    assert.equal(init.status, 0, init.stderr);
    assert.deepEqual(readdirSync(path.join(ws, '.policy-report')).sort(), ['config.yaml', 'indicators.yaml', 'snippets']);
    assert.deepEqual(readdirSync(path.join(ws, '.policy-report', 'snippets')), ['nhom.json']);
    // The example snippet loads as a team snippet, and its prefixes are not the built-in snippets' own.
    const team = parseSnippetFile(readFileSync(path.join(ws, '.policy-report', 'snippets', 'nhom.json'), 'utf8'), 'file:///nhom.json');
    assert.deepEqual(team.problems, []);
    assert.equal(team.snippets.length, 1);
    const builtIn = Object.values(JSON.parse(readFileSync(path.join(repoRoot, 'snippets', 'policy-report.json'), 'utf8')) as Record<string, { prefix: string | string[] }>).flatMap((x) => x.prefix);
    assert.deepEqual(team.snippets[0].prefixes.filter((p) => builtIn.includes(p)), []);
    assert.ok(existsSync(path.join(ws, 'phien-01-2025-03-01.report.md')));
    assert.match(init.stdout, /policy-report check nhom/);
    const config = readFileSync(path.join(ws, '.policy-report', 'config.yaml'), 'utf8');
    // Every key of config.yaml (every property of its schema) is there, commented out.
    const keys = Object.keys(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'config.schema.json'), 'utf8')).properties);
    assert.ok(keys.length >= 6, keys.join());
    for (const key of keys) assert.match(config, new RegExp(`^# ${key}:`, 'm'), key);
    // Uncommented, each example value is a valid config.yaml: no config-error.
    writeFileSync(path.join(ws, '.policy-report', 'config.yaml'), config.replace(/^# (?=[a-zA-Z]+:|  )/gm, ''));
    const uncommented = run(['check', 'nhom', '--lang', 'en'], dir);
    assert.ok(!/config-error|config\.yaml/.test(uncommented.stdout + uncommented.stderr), uncommented.stdout + uncommented.stderr);
    writeFileSync(path.join(ws, '.policy-report', 'config.yaml'), config);
    // The installed copy (this checkout) is outside the new workspace: the published address, never
    // a path into one machine's install folder, which the team's git would carry to everyone.
    assert.match(readFileSync(path.join(ws, '.policy-report', 'indicators.yaml'), 'utf8'), /^# yaml-language-server: \$schema=https:\/\/\S+\/indicators\.schema\.json\n/);
    assert.match(config, /^# yaml-language-server: \$schema=https:\/\/\S+\/config\.schema\.json\n/);
    for (const lang of ['en', 'vi']) {
      const check = run(['check', 'nhom', '--lang', lang], dir);
      assert.equal(check.status, 0, check.stdout + check.stderr);
      const lines = check.stdout.trim().split('\n');
      assert.equal(lines.length, 1, check.stdout);
      assert.match(lines[0], lang === 'en' ? /^No findings/ : /^Không có phát hiện/);
    }
    const json = run(['check', 'nhom', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(json.stdout), []);
  });

  it('the schema line: a relative path only to a copy inside the workspace (node_modules), else the published address', () => {
    const ws = path.join(dir, 'ws');
    const inside = path.join(ws, 'node_modules', 'policy-report', 'schemas');
    mkdirSync(inside, { recursive: true });
    writeFileSync(path.join(inside, 'indicators.schema.json'), '{}');
    const data = path.join(ws, '.policy-report', 'indicators.yaml');
    assert.equal(schemaReference(data, 'indicators.schema.json', inside), '../node_modules/policy-report/schemas/indicators.schema.json');
    const outside = path.join(dir, 'npx-cache', 'policy-report', 'schemas');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'indicators.schema.json'), '{}');
    assert.equal(schemaReference(data, 'indicators.schema.json', outside), `${PUBLISHED_SCHEMAS}indicators.schema.json`);
    assert.equal(schemaReference(data, 'config.schema.json', outside), undefined, 'a schema that does not ship: no line');
    // Every published name is a schema the package ships.
    for (const name of ['indicators.schema.json', 'config.schema.json']) assert.ok(existsSync(path.join(repoRoot, 'schemas', name)), name);
  });

  it('init refuses a folder that has one of its files, writes nothing, and --force replaces', () => {
    mkdirSync(path.join(dir, '.policy-report'));
    writeFileSync(path.join(dir, '.policy-report', 'indicators.yaml'), 'indicators: [] # ours\n');
    const r = run(['init', '--lang', 'en'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /indicators\.yaml already exists; add --force to replace it\. Nothing was written\./);
    assert.match(run(['init', '--lang', 'vi'], dir).stderr, /indicators\.yaml: đã có tệp này; thêm --force để thay thế\. Không tệp nào được ghi\./);
    assert.deepEqual(readdirSync(path.join(dir, '.policy-report')), ['indicators.yaml']);
    assert.equal(readFileSync(path.join(dir, '.policy-report', 'indicators.yaml'), 'utf8'), 'indicators: [] # ours\n');
    assert.equal(run(['init', '--force'], dir).status, 0);
    assert.match(readFileSync(path.join(dir, '.policy-report', 'indicators.yaml'), 'utf8'), /^indicators: \[\]$/m);
  });

  it('init in a folder that already has reports: .policy-report/ only, no false session 1 among them', () => {
    writeFileSync(path.join(dir, 'phien-09.report.md'), '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 9\n---\n\n## Kết quả đạt được\n');
    for (const lang of ['en', 'vi']) {
      rmSync(path.join(dir, '.policy-report'), { recursive: true, force: true });
      const r = run(['init', '--date', '2025-03-01', '--lang', lang], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(readdirSync(dir).sort(), ['.policy-report', 'phien-09.report.md']);
      assert.deepEqual(readdirSync(path.join(dir, '.policy-report')).sort(), ['config.yaml', 'indicators.yaml', 'snippets']);
      assert.match(r.stdout, lang === 'en' ? /no first report was written; they are the history[\s\S]*npx policy-report new \./ : /không tạo báo cáo đầu tiên; các báo cáo đó là lịch sử[\s\S]*npx policy-report new \./);
    }
    const next = run(['new', '--date', '2025-01-20', '--lang', 'en'], dir);
    assert.match(next.stdout, /the draft of session 10/);
  });

  it('init never writes through a linked .policy-report folder', function () {
    if (process.platform === 'win32') this.skip();
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(path.join(dir, 'ws'));
    symlinkSync(elsewhere, path.join(dir, 'ws', '.policy-report'));
    const r = run(['init', 'ws', '--lang', 'vi'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^policy-report: không tạo không gian làm việc: ws[\\/]\.policy-report: là một liên kết tượng trưng; không ghi xuyên qua liên kết\. Không tệp nào được ghi\.$/m);
    assert.deepEqual(readdirSync(elsewhere), []);
  });

  it('new: the next session\'s draft beside the last report; it checks without an error', () => {
    assert.equal(run(['init', '--date', '2025-03-01'], dir).status, 0);
    const r = run(['new', '--date', '2025-06-30', '--lang', 'en'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Created phien-02-2025-06-30\.report\.md: the draft of session 2, dated 30 Jun 2025, period 2025, made from phien-01-2025-03-01\.report\.md/);
    const text = readFileSync(path.join(dir, 'phien-02-2025-06-30.report.md'), 'utf8');
    assert.match(text, /^---\nsession: 2\ndate: 2025-06-30\nperiod: 2025\n/);
    assert.equal(run(['check'], dir).status, 0);
    // Again: the draft of session 3 from session 2, or a refusal when --out names an existing file.
    const again = run(['new', '--out', 'phien-01-2025-03-01.report.md'], dir);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /phien-01-2025-03-01\.report\.md/);
    const bad = run(['new', '--date', '30/6/2025'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--date must be YYYY-MM-DD/);
    // The period in words in each language, with its code when the words differ from it.
    const half = run(['new', '--date', '2025-07-15', '--period', '2025-S1', '--out', 'h.report.md', '--lang', 'vi'], dir);
    assert.match(half.stdout, /^Đã tạo h\.report\.md: dự thảo phiên 3, ngày 15\/7\/2025, kỳ 6 tháng đầu năm 2025 \(2025-S1\), lập từ phien-02-2025-06-30\.report\.md\./);
    const halfEn = run(['new', '--date', '2025-07-15', '--period', '2025-S1', '--out', 'h2.report.md', '--lang', 'en'], dir);
    assert.match(halfEn.stdout, /the draft of session 4, dated 15 Jul 2025, period 2025 H1 \(2025-S1\), made from h\.report\.md\./);
  });

  it('new in a folder without reports says what to do', () => {
    const r = run(['new'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'policy-report: no report with a session number or date in .; run npx policy-report init first.\n', 'one line, no usage text');
    const vi = run(['new', '--lang', 'vi'], dir);
    assert.equal(vi.stderr, 'policy-report: không có báo cáo nào có số phiên hoặc ngày trong .; hãy chạy npx policy-report init trước.\n');
  });

  it('check before init: says how to begin, in the chosen language', () => {
    for (const [lang, text] of [
      ['en', 'policy-report: no *.report.md in . (add --allow-empty if that is expected); a new workspace begins with npx policy-report init\n'],
      ['vi', 'policy-report: không có tệp *.report.md nào trong . (thêm --allow-empty nếu đúng là vậy); một không gian làm việc mới bắt đầu bằng npx policy-report init\n'],
    ]) {
      const r = run(['check', '--lang', lang], dir);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, text);
    }
  });
});

describe('the first-run walkthrough (package.json)', () => {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const nls = (f: string) => JSON.parse(readFileSync(path.join(repoRoot, f), 'utf8')) as Record<string, string>;
  const commands = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const builtIn = new Set(['workbench.action.quickOpen', 'workbench.actions.view.problems', 'editor.action.showHover']);
  const walkthrough = pkg.contributes.walkthroughs[0];

  it('goes from creating the workspace to the next draft, each step with its media and a way to complete it', () => {
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['init', 'draft', 'problems', 'history', 'next']);
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(repoRoot, step.media.markdown)), step.media.markdown);
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const e of step.completionEvents as string[]) {
        const cmd = /^onCommand:(.+)$/.exec(e)?.[1];
        if (cmd) assert.ok(commands.has(cmd) || builtIn.has(cmd), e);
      }
    }
  });

  it("the history step's command finds the first reference, past the front matter and the comment that shows [[ ]]", () => {
    const first = initFiles('/ws', '2025-03-01').find((f) => f.rel.endsWith('.report.md'))!.text;
    const at = firstReferenceOffset(first)!;
    assert.ok(first.slice(at - 4).startsWith('[[Tỷ lệ hồ sơ trực tuyến toàn trình]]'), first.slice(at - 4, at + 20));
    assert.equal(firstReferenceOffset('---\ntitle: "[[x]]"\n---\n\n<!-- [[Không]] -->\nChưa có.\n'), undefined);
    assert.equal(firstReferenceOffset('<!-- a\n[[b]] -->\n[[ ]] và [[Số A]]'), '<!-- a\n[[b]] -->\n[[ ]] và [['.length + 2);
    const steps = walkthrough.steps as Array<{ id: string; description: string; completionEvents: string[] }>;
    const history = steps.find((s) => s.id === 'history')!;
    assert.ok(history.completionEvents.includes('onCommand:policyReport.showHistory'));
    for (const f of ['package.nls.json', 'package.nls.vi.json']) assert.match(nls(f)[history.description.slice(1, -1)], /\(command:policyReport\.showHistory\)/, f);
  });

  it('has its titles and descriptions in both languages, each link to a command that exists', () => {
    const en = nls('package.nls.json');
    const vi = nls('package.nls.vi.json');
    const keys = [walkthrough.title, walkthrough.description, ...walkthrough.steps.flatMap((s: { title: string; description: string }) => [s.title, s.description])].map((k: string) => k.slice(1, -1));
    for (const k of [...keys, 'command.init', 'command.newDraft', 'command.showHistory']) {
      assert.ok(en[k] && vi[k], k);
      for (const m of `${en[k]} ${vi[k]}`.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(m[1]) || builtIn.has(m[1]), m[1]);
    }
  });
});
