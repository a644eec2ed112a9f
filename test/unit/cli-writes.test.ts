/**
 * What the CLI writes, run as users run it (the built bin): `markup --write` never follows a planted
 * FILE.bak link, never clobbers an existing backup, never writes through a link at FILE, refuses a
 * FIFO without hanging and non-UTF-8 without touching the file, and changes no byte but the marks;
 * `markup -` reads standard input; `export --out` refuses its own input under any spelling, an
 * existing file without --force, and a link.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');
/** A report whose indicator is named in unmarked prose: markup has something to mark. */
const UNMARKED = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 9\n---\n\n## Kết quả đạt được\n\nTỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%.\n';

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, input?: string | Buffer, env: Record<string, string> = {}): Run {
  // The timeout only turns a hang into a failure (status null) instead of a stuck suite.
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env }, timeout: HANG_MS });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const canMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).error === undefined;

describe('CLI writes', function () {
  let dir: string;
  const p = (name: string) => path.join(dir, name);
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-cli-writes-'));
    writeFileSync(p('draft.report.md'), UNMARKED);
    writeFileSync(p('victim'), 'the victim\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('markup --write', () => {
    it('a planted FILE.bak link is not followed: the victim unchanged, the backup takes FILE.bak.1', () => {
      symlinkSync(p('victim'), p('draft.report.md.bak'));
      const r = run(['markup', 'draft.report.md', '--write'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(p('victim'), 'utf8'), 'the victim\n');
      assert.ok(lstatSync(p('draft.report.md.bak')).isSymbolicLink());
      assert.equal(readFileSync(p('draft.report.md.bak.1'), 'utf8'), UNMARKED);
      assert.match(readFileSync(p('draft.report.md'), 'utf8'), /\[\[Tỷ lệ hồ sơ trực tuyến toàn trình cả nước\]\] đạt 42%/);
      assert.match(r.stderr, /backup draft\.report\.md\.bak\.1/);
    });

    it('an existing FILE.bak (and .bak.1) is never clobbered: each run keeps a fresh backup', () => {
      writeFileSync(p('draft.report.md.bak'), 'an older backup\n');
      writeFileSync(p('draft.report.md.bak.1'), 'an even older one\n');
      assert.equal(run(['markup', 'draft.report.md', '-w'], dir).status, 0);
      assert.equal(readFileSync(p('draft.report.md.bak'), 'utf8'), 'an older backup\n');
      assert.equal(readFileSync(p('draft.report.md.bak.1'), 'utf8'), 'an even older one\n');
      assert.equal(readFileSync(p('draft.report.md.bak.2'), 'utf8'), UNMARKED);
    });

    it('FILE itself a link: refused (exit 2), nothing written, no backup', () => {
      rmSync(p('draft.report.md'));
      writeFileSync(p('real.md'), UNMARKED);
      symlinkSync(p('real.md'), p('draft.report.md'));
      const r = run(['markup', 'draft.report.md', '--write'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot write draft\.report\.md: is a symbolic link/);
      assert.equal(readFileSync(p('real.md'), 'utf8'), UNMARKED);
      assert.deepEqual(readdirSync(dir).sort(), ['draft.report.md', 'real.md', 'victim']);
    });

    it('changes no byte but the marks: a BOM, CRLF line ends and the file mode are kept', () => {
      const crlf = '\uFEFF' + UNMARKED.replace(/\n/g, '\r\n');
      writeFileSync(p('draft.report.md'), crlf);
      chmodSync(p('draft.report.md'), 0o640);
      assert.equal(run(['markup', 'draft.report.md', '--write'], dir).status, 0);
      const after = readFileSync(p('draft.report.md'), 'utf8');
      assert.notEqual(after, crlf);
      assert.equal(after.replace(/\[\[|\]\]/g, ''), crlf);
      assert.equal(lstatSync(p('draft.report.md')).mode & 0o777, 0o640);
    });

    it('non-UTF-8 input: refused with the reason, the file byte-identical, no backup', () => {
      const latin1 = Buffer.from(UNMARKED.replace('Phiên họp thứ 9', 'caf\u00e9'), 'latin1');
      writeFileSync(p('draft.report.md'), latin1);
      const r = run(['markup', 'draft.report.md', '--write'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot read draft\.report\.md: not valid UTF-8/);
      assert.deepEqual(readFileSync(p('draft.report.md')), latin1);
      assert.ok(!existsSync(p('draft.report.md.bak')));
    });

    it('a FIFO: refused at once, no hang, with or without --write', function () {
      if (!canMkfifo) this.skip(); // no mkfifo here: a FIFO cannot be made to test with
      assert.equal(spawnSync('mkfifo', [p('pipe.report.md')]).status, 0);
      for (const args of [['markup', 'pipe.report.md', '--write'], ['markup', 'pipe.report.md'], ['export', 'pipe.report.md', '-o', 'out.md']]) {
        const r = run(args, dir);
        assert.equal(r.signal, null, `${args.join(' ')} hung`);
        assert.equal(r.status, 2, args.join(' '));
        assert.match(r.stderr, /cannot read pipe\.report\.md: not a regular file/);
      }
      assert.ok(!existsSync(p('out.md')));
    });
  });

  describe('markup -', () => {
    it('reads standard input and writes the marked text to standard output, like markup FILE', () => {
      const fromFile = run(['markup', 'draft.report.md'], dir);
      const fromStdin = run(['markup', '-'], dir, UNMARKED);
      assert.equal(fromStdin.status, 0, fromStdin.stderr);
      assert.equal(fromStdin.stdout, fromFile.stdout);
      assert.notEqual(fromStdin.stdout, UNMARKED);
      const report = JSON.parse(run(['markup', '-', '-r', 'json'], dir, UNMARKED).stdout) as { file: string; marked: unknown[] };
      assert.equal(report.file, '-');
      assert.equal(report.marked.length, 1);
    });

    it('--write with - is a usage error; non-UTF-8 or binary standard input is refused', () => {
      assert.equal(run(['markup', '-', '--write'], dir, UNMARKED).status, 2);
      const bad = run(['markup', '-'], dir, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /cannot read standard input: not valid UTF-8/);
      assert.equal(bad.stdout, '');
      assert.match(run(['markup', '-'], dir, Buffer.from([0x61, 0, 0x62])).stderr, /cannot read standard input: a binary file/);
    });
  });

  describe('export --out', () => {
    it('OUT the input itself, under any spelling, a hard link or a link to it: refused (exit 2) even with --force, the input unchanged', () => {
      mkdirSync(p('sub'));
      linkSync(p('draft.report.md'), p('hard.md'));
      symlinkSync(p('draft.report.md'), p('soft.md'));
      for (const out of ['draft.report.md', './sub/../draft.report.md', p('draft.report.md'), 'hard.md', 'soft.md']) {
        for (const force of [[], ['--force']]) {
          const r = run(['export', 'draft.report.md', '--out', out, ...force], dir);
          assert.equal(r.status, 2, `${out} ${force}`);
          assert.match(r.stderr, /cannot write .*: is the input file draft\.report\.md itself/);
          assert.equal(readFileSync(p('draft.report.md'), 'utf8'), UNMARKED);
        }
      }
    });

    it('an existing OUT is replaced only with --force; a new OUT is created; a link at OUT is never followed', () => {
      const plain = run(['export', 'draft.report.md'], dir).stdout;
      assert.equal(run(['export', 'draft.report.md', '-o', 'new.md'], dir).status, 0);
      assert.equal(readFileSync(p('new.md'), 'utf8'), plain);
      writeFileSync(p('mine.md'), 'keep me\n');
      const r = run(['export', 'draft.report.md', '-o', 'mine.md'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot write mine\.md: already exists; add --force to replace it/);
      assert.equal(readFileSync(p('mine.md'), 'utf8'), 'keep me\n');
      assert.equal(run(['export', 'draft.report.md', '-o', 'mine.md', '--force'], dir).status, 0);
      assert.equal(readFileSync(p('mine.md'), 'utf8'), plain);
      symlinkSync(p('victim'), p('link.md'));
      const l = run(['export', 'draft.report.md', '-o', 'link.md', '--force'], dir);
      assert.equal(l.status, 2);
      assert.match(l.stderr, /cannot write link\.md: is a symbolic link/);
      assert.equal(readFileSync(p('victim'), 'utf8'), 'the victim\n');
      mkdirSync(p('folder.md'));
      assert.match(run(['export', 'draft.report.md', '-o', 'folder.md', '--force'], dir).stderr, /cannot write folder\.md: is a folder/);
      // The refusal in Vietnamese under a Vietnamese locale.
      assert.match(run(['export', 'draft.report.md', '-o', 'mine.md'], dir, undefined, { LANG: 'vi_VN.UTF-8' }).stderr, /không ghi mine\.md: đã có tệp này/);
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
    });

    it('export - reads standard input', () => {
      const r = run(['export', '-'], dir, '# Tiêu đề\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 42%.\n');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# Tiêu đề\n\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 42%\.\n$/);
    });
  });
});
