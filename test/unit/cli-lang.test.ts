/**
 * `check --lang en` and `--lang vi` on a workspace whose catalog, config.yaml and figures.csv are
 * broken: every problem is reported, each line in the chosen language only (issue 16: the CLI
 * printed config errors in both). The heuristic: outside quoted text ("…", `…`) and the file
 * name, an English line has no Vietnamese letter with a diacritic, and a Vietnamese line none of
 * the English words every English message of these files uses.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const ENGLISH_WORD = /\b(?:the|is|are|not|must|missing|unknown|should|field|value|of|in|cannot|expected|write)\b/i;

/** A finding line without its location, severity and rule id, and without the text it quotes. */
function ownWords(line: string): string {
  return line
    .replace(/^\S+:\d+:\d+:?\s*(?:(?:error|warning|information|hint)\s+[\w-]+:\s*)?/, '')
    .replace(/"[^"]*"|`[^`]*`|“[^”]*”|'[^']*'/g, ' ');
}

describe('check --lang: one language per line', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-lang-'));
    mkdirSync(path.join(dir, '.policy-report'));
    writeFileSync(
      path.join(dir, '.policy-report', 'indicators.yaml'),
      [
        'indicators:',
        '  - id: Bad_Id',
        '    name: Chỉ tiêu hỏng',
        '    measure: volume',
        '    unit: "%"',
        '    unitClass: percent',
        '    colour: red',
        '  - id: no-name',
        '    measure: stock',
        '    unit: tỷ đồng',
        '    unitClass: currency',
        '    range: [10, 1]',
        '    sources: [not-an-address]',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, '.policy-report', 'config.yaml'), 'langauge: en\nrules:\n  stock-decreese: warning\n  figure-conflict: loud\n');
    writeFileSync(
      path.join(dir, '.policy-report', 'figures.csv'),
      'indicator,period,value\nchỉ tiêu không có,2024,5\ntăng trưởng GDP,năm ngoái,7\ntăng trưởng GDP,2024,bảy\n',
    );
    writeFileSync(path.join(dir, 'phien-01.report.md'), '---\nsession: 1\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 1\n---\n\n## Kết quả\n\n[[Tăng trưởng GDP]] đạt 7%.\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['en', 'vi'] as const) {
    it(`--lang ${lang}: the catalog's, config.yaml's and figures.csv's problems, no line mixing languages`, () => {
      const r = spawnSync(process.execPath, [bin, 'check', '--lang', lang, dir], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' }, timeout: HANG_MS });
      const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim());
      for (const file of ['indicators.yaml', 'config.yaml', 'figures.csv']) {
        assert.ok(lines.filter((l) => l.includes(file)).length >= 2, `${file} problems in:\n${lines.join('\n')}`);
      }
      const mixed = lines.filter((l) => (lang === 'en' ? VIETNAMESE_LETTER : ENGLISH_WORD).test(ownWords(l)));
      assert.deepEqual(mixed, [], `lines not in ${lang}`);
    });
  }

  it('the heuristic tells a mixed line from a clean one', () => {
    assert.ok(VIETNAMESE_LETTER.test(ownWords('a.yaml:1:1: Unknown field `x` / Trường không hợp lệ `x`')));
    assert.ok(!VIETNAMESE_LETTER.test(ownWords('a.yaml:1:1: Unknown field `tên` "đúng"')));
    assert.ok(ENGLISH_WORD.test(ownWords('a.yaml:1:1: Trường không hợp lệ / Unknown field')));
    assert.ok(!ENGLISH_WORD.test(ownWords('a.yaml:1:1: Trường `the` không hợp lệ')));
  });
});
