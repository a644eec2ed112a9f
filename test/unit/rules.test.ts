/**
 * Fixture-driven rule tests (test/rule-fixtures.ts): every report of every fixture workspace under
 * test/fixtures/rules/<rule-id>/ gets exactly the findings it marks, with the history of the others.
 * Every range is inside its document, and every quick fix removes its finding and touches nothing
 * else. Every rule of the registry has its folder, with at least one report where it fires and one
 * where it must not.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/rules';
import { LineIndex } from '../../server/src/core/text';
import type { Finding, TextEditData } from '../../server/src/core/types';
import { expectations, fixtureWorkspaces, loadWorkspace, ruleFixturesDir } from '../rule-fixtures';

function applyEdits(text: string, edits: TextEditData[]): string {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

const key = (f: Finding) => `${f.range.start.line}:${f.code}`;
const workspaces = fixtureWorkspaces();

describe('rules over fixtures', () => {
  for (const ws of workspaces) {
    describe(path.relative(ruleFixturesDir, ws.dir), () => {
      it('reports exactly the marked findings', async () => {
        const { service, reports } = await loadWorkspace(ws);
        for (const [uri, text] of reports) {
          const findings = service.check(uri, text, 1);
          assert.deepEqual(findings.map(key).sort(), expectations(text), `${path.basename(uri)}\n` + findings.map((f) => `${key(f)} ${f.message}`).join('\n'));
        }
      });

      it('gives ranges inside the document', async () => {
        const { service, reports } = await loadWorkspace(ws);
        for (const [uri, text] of reports) {
          const lines = new LineIndex(text);
          for (const f of service.check(uri, text, 1)) {
            for (const p of [f.range.start, f.range.end]) {
              assert.ok(p.line >= 0 && p.line < lines.lineCount, `${path.basename(uri)} ${key(f)} line out of range`);
              assert.equal(lines.positionAt(lines.offsetAt(p)).character, p.character, `${path.basename(uri)} ${key(f)} character out of range`);
            }
          }
        }
      });

      it('has quick fixes that remove their finding and touch nothing else', async () => {
        const { service, reports } = await loadWorkspace(ws);
        for (const [uri, text] of reports) {
          // One fresh service per report (its fixed versions replace one another), not one per fix:
          // a workspace load per fix made this test the slowest of the suite under load.
          let fresh: Awaited<ReturnType<typeof loadWorkspace>>['service'] | undefined;
          let version = 2;
          for (const f of service.check(uri, text, 1)) {
            // A user picks one of a finding's fixes by its title: no two alike (two series of one name: their codes).
            const titles = (f.fixes ?? []).map((x) => JSON.stringify(x.title));
            assert.equal(new Set(titles).size, titles.length, `${path.basename(uri)} ${key(f)}: two fixes with one title: ${titles.join(' | ')}`);
            for (const fix of f.fixes ?? []) {
              const fixed = applyEdits(text, fix.edits);
              const lines = new LineIndex(text);
              const start = Math.min(...fix.edits.map((e) => lines.offsetAt(e.range.start)));
              const end = Math.max(...fix.edits.map((e) => lines.offsetAt(e.range.end)));
              assert.equal(fixed.slice(0, start), text.slice(0, start), `${fix.title}: text before the edit changed`);
              assert.equal(fixed.slice(fixed.length - (text.length - end)), text.slice(end), `${fix.title}: text after the edit changed`);
              // For a name fix the finding on that line is gone (a different rule may apply, e.g.
              // the suggestion of an unknown name can be a good name for another figure).
              fresh ??= (await loadWorkspace(ws)).service;
              const after = fresh.check(uri, fixed, version++);
              const same = after.filter((a) => a.code === f.code && a.range.start.line === f.range.start.line);
              assert.equal(same.length, 0, `${fix.title}: ${f.code} still reported on line ${f.range.start.line + 1}`);
            }
          }
        }
      });
    });
  }
});

describe('rule fixtures', () => {
  for (const rule of rules) {
    it(`${rule.meta.id}: a folder with a report where it fires and one where it does not`, async () => {
      assert.ok(existsSync(path.join(ruleFixturesDir, rule.meta.id)), `test/fixtures/rules/${rule.meta.id}/ is missing`);
      const mine = workspaces.filter((ws) => ws.rule === rule.meta.id);
      let positive = 0;
      let negative = 0;
      for (const ws of mine) {
        for (const [, text] of (await loadWorkspace(ws)).reports) {
          if (expectations(text).some((e) => e.endsWith(`:${rule.meta.id}`))) positive++;
          else negative++;
        }
      }
      assert.ok(positive > 0, `test/fixtures/rules/${rule.meta.id}/: no report marks a ${rule.meta.id} finding`);
      assert.ok(negative > 0, `test/fixtures/rules/${rule.meta.id}/: no report where ${rule.meta.id} must stay silent`);
    });
  }

  it('has no folder that is not a rule of the registry', () => {
    const ids = new Set(rules.map((r) => r.meta.id));
    for (const ws of workspaces) assert.ok(ids.has(ws.rule), `test/fixtures/rules/${ws.rule}/ names no rule`);
  });
});
