/**
 * Fixture-driven rule tests, in markdownlint's manner: each file in test/fixtures/rules marks the
 * findings it expects on the line where they occur, with `<!-- expect: rule-id, rule-id -->` (or
 * `# expect: rule-id` inside YAML front matter, or `<!-- expect@LINE: rule-id -->` for a finding on
 * another line, LINE 1-based). Every finding must be expected and every expectation found. Then
 * every quick fix is applied: the finding it fixes disappears and the rest of the text is untouched.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { LineIndex } from '../../server/src/core/text';
import type { Finding, TextEditData } from '../../server/src/core/types';
import { fixturesDir } from '../helpers';

const dir = path.join(fixturesDir, 'rules');

/** "line:code" for every expectation marked in the text (lines 0-based). */
export function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect(?:@(\d+))?:\s*([^>]*?)-->|#\s*expect:\s*(.*)$/g)) {
      const at = m[1] ? Number(m[1]) - 1 : i;
      const list = (m[2] ?? m[3] ?? '').replace(/\(.*\)/, '');
      for (const code of list.split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${at}:${code}`);
    }
  });
  return out.sort();
}

/** Fixtures are fragments of reports: the section rules run only on the `sections*` fixtures. */
let sectionRules = false;
function service(): LanguageService {
  const off = sectionRules ? {} : { 'missing-section': 'off' as const, 'section-order': 'off' as const };
  return new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'vi', severities: off });
}

function applyEdits(text: string, edits: TextEditData[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

const key = (f: Finding) => `${f.range.start.line}:${f.code}`;

describe('rules over fixtures', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md')).sort()) {
    describe(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const uri = `file:///fixtures/${file}`;
      beforeEach(() => (sectionRules = file.startsWith('sections')));

      it('reports exactly the marked findings', () => {
        const findings = service().check(uri, text, 1);
        assert.deepEqual(findings.map(key).sort(), expectations(text), findings.map((f) => `${key(f)} ${f.message}`).join('\n'));
      });

      it('gives ranges inside the document', () => {
        const lines = new LineIndex(text);
        for (const f of service().check(uri, text, 1)) {
          for (const p of [f.range.start, f.range.end]) {
            assert.ok(p.line >= 0 && p.line < lines.lineCount, `${key(f)} line out of range`);
            assert.equal(lines.positionAt(lines.offsetAt(p)).character, p.character, `${key(f)} character out of range`);
          }
        }
      });

      it('has quick fixes that remove their finding and touch nothing else', () => {
        const findings = service().check(uri, text, 1);
        for (const f of findings) {
          for (const fix of f.fixes ?? []) {
            const fixed = applyEdits(text, fix.edits);
            const lines = new LineIndex(text);
            const start = Math.min(...fix.edits.map((e) => lines.offsetAt(e.range.start)));
            const end = Math.max(...fix.edits.map((e) => lines.offsetAt(e.range.end)));
            assert.equal(fixed.slice(0, start), text.slice(0, start), `${fix.title}: text before the edit changed`);
            assert.equal(fixed.slice(fixed.length - (text.length - end)), text.slice(end), `${fix.title}: text after the edit changed`);
            const after = service().check(uri, fixed, 2);
            // For a name fix the finding on that line is gone (a different rule may apply, e.g.
            // the suggestion of an unknown name can be a good name for another figure).
            const same = after.filter((a) => a.code === f.code && a.range.start.line === f.range.start.line);
            assert.equal(same.length, 0, `${fix.title}: ${f.code} still reported on line ${f.range.start.line + 1}`);
          }
        }
      });
    });
  }
});
