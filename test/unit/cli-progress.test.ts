/**
 * The CLI's progress on stderr (io/progress.ts): on a terminal, "Đang lập chỉ mục n/N tệp ·
 * Indexing n/N files" redrawn in place with "\r" and cleared at the end; nothing when stderr is not
 * a terminal; never on stdout (the JSON stays clean). The reporter with an injected stream, and the
 * built CLI under a pseudo-terminal (`script` from util-linux, when the machine has it).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { INDEXING, terminalProgress } from '../../server/src/io/progress';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

const report = (i: number) => `---\nsession: ${i}\ndate: 2024-0${i}-10\nperiod: 2024-S1\ntitle: Phiên họp thứ ${i}\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt ${40 + i}%.\n`;

/** Is `script` (util-linux) there to give the CLI a pseudo-terminal? */
function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

describe('CLI progress on stderr', function () {

  it('on a terminal: the count in place at each whole percent, then the line cleared', () => {
    const s = stream(true);
    const p = terminalProgress(s, INDEXING);
    for (let i = 1; i <= 200; i++) p.update(i, 200);
    p.end();
    // One line per whole percent from 0 (0.5% steps: each drawn once), then the clearing.
    assert.equal(s.writes.length, 102);
    assert.equal(s.writes[60], '\rĐang lập chỉ mục 120/200 tệp · Indexing 120/200 files');
    assert.ok(s.writes.slice(0, 101).every((w) => w.startsWith('\r') && !w.includes('\n')));
    assert.match(s.writes[101], /^\r +\r$/);
    assert.equal(s.writes[101].length, s.writes[100].length + 1);
  });

  it('a shorter line after a longer one is padded over', () => {
    const s = stream(true);
    const p = terminalProgress(s, INDEXING);
    p.update(99, 100);
    p.update(5, 5);
    assert.equal(s.writes[1].length, s.writes[0].length);
    assert.match(s.writes[1], /^\rĐang lập chỉ mục 5\/5 tệp · Indexing 5\/5 files +$/);
  });

  it('not a terminal: nothing at all', () => {
    const s = stream(false);
    const p = terminalProgress(s, INDEXING);
    for (let i = 1; i <= 10; i++) p.update(i, 10);
    p.end();
    assert.deepEqual(s.writes, []);
  });

  describe('the built CLI', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'policy-report-cli-progress-'));
      for (let i = 1; i <= 4; i++) writeFileSync(path.join(dir, `phien-0${i}.report.md`), report(i));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('stderr not a terminal: no progress; stdout is the JSON alone', () => {
      const r = spawnSync(process.execPath, [bin, 'check', dir, '--format', 'json'], { encoding: 'utf8', timeout: HANG_MS });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.doesNotMatch(r.stderr, /Indexing|Checking|\r/);
      assert.ok(Array.isArray(JSON.parse(r.stdout)));
    });

    it('stderr a terminal (script): the progress there, the JSON on stdout clean', function () {
      if (!hasScript()) this.skip();
      const out = path.join(dir, 'out.json');
      const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
      // stdout to a file, stderr the pseudo-terminal: what `script` records is stderr alone.
      const cmd = `${[process.execPath, bin, 'check', dir, '--format', 'json'].map(quote).join(' ')} > ${quote(out)}`;
      const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: HANG_MS });
      assert.ok(r.status === 0 || r.status === 1, `${r.status} ${r.stdout} ${r.stderr}`);
      assert.match(r.stdout, /\rĐang lập chỉ mục 4\/4 tệp · Indexing 4\/4 files/);
      assert.match(r.stdout, /\rĐang kiểm tra 0\/4 tệp · Checking 0\/4 files/);
      const json = readFileSync(out, 'utf8');
      assert.doesNotMatch(json, /\r|Indexing|Checking/);
      assert.ok(Array.isArray(JSON.parse(json)));
    });
  });
});
