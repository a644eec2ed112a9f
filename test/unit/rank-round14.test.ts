/**
 * Ranks and "là" copulas (docs/reading.md §6.5 (9); parse/rank-copula.ts, catalog/rank-entry.ts;
 * test/fixtures/prose/rank-round14.yaml): each case's facts — each reference's bound figure and its
 * further figures, with the entry, the role `figures` gives it, the period and the written scope —
 * as the checker reads the text (marked by `markup` in each mode when written unmarked); and, on
 * the checker's side, that a rank entry's bare "là 48/132" told by an earlier session is the rank a
 * later "tăng N bậc" is checked against (rank-change-mismatch), and the rank figure-conflict compares.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { isRankEntry, roleByEntry } from '../../server/src/core/catalog/rank-entry';
import { describeClassCases, loadCases, type ClassCase } from '../marked-cases';
import { indexedService } from './indexed-service';

/** [entry, figure, role, period, written scope or "-"]. */
type Fact = [string, string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/rank-round14.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures. */
function rankFacts(marked: string): Fact[] {
  const doc = parseReport(marked, 'file:///rank.report.md');
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, roleByEntry(ref.figure, indicator) ?? '', ref.period ?? '', ref.figure.scope ?? '-']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, roleByEntry(a.figure, a.indicator) ?? '', a.period, a.figure.scope ?? '-']);
  }
  return out;
}

describe('ranks and "là" copulas (fixtures/prose/rank-round14.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 3, negatives: 2 }, catalog, rankFacts, (c, facts) => {
    // Classes 1-3: a positive case reads a rank of a rank entry; no case reads a rank as the
    // value of another entry. Class 4: a positive case reads a level, a negative one none.
    const entry = (id: string) => catalog.byId(id) ?? null;
    assert.ok(!facts.some(([id, , role]) => role === 'rank' && !isRankEntry(entry(id))), JSON.stringify(facts));
    const hit = c.class === 4 ? facts.some((f) => f[2] === 'level') : facts.some(([id, , role]) => role === 'rank' && isRankEntry(entry(id)));
    assert.equal(hit, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });
});

describe('the checker: a rank entry\'s "là N/M" is the rank the history compares', () => {
  // GII (WIPO): 48th of 132 in 2022, 46th of 132 in 2023, up 2 places
  // (https://www.sggp.org.vn/viet-nam-tang-2-bac-ve-chi-so-doi-moi-sang-tao-toan-cau-nam-2023-post707377.html).
  const folder = 'file:///rank14';
  const head = (session: number, date: string, period: string) => ['---', `session: ${session}`, `date: ${date}`, `period: ${period}`, `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const earlier = `${head(5, '2022-12-20', '2022')}\n## Kết quả\n\n[[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam năm 2022 là 48/132.\n`;
  const later = (text: string) => `${head(6, '2023-12-20', '2023')}\n## Kết quả\n\n${text}\n`;
  const findings = async (text: string, code: string) => {
    const files = { [`${folder}/phien-05.report.md`]: earlier, [`${folder}/phien-06.report.md`]: later(text) };
    const service = await indexedService(files, folder, { lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
    const uri = `${folder}/phien-06.report.md`;
    return service.check(uri, files[uri], 1).filter((f) => f.code === code);
  };

  it('a rise told against the earlier "là 48/132" that fits it draws nothing; one that does not names the earlier session\'s rank', async () => {
    assert.deepEqual(await findings('[[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam năm 2023 là 46/132, tăng 2 bậc so với năm 2022.', 'rank-change-mismatch'), []);
    const wrong = await findings('[[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam năm 2023 là 46/132, tăng 4 bậc so với năm 2022.', 'rank-change-mismatch');
    assert.equal(wrong.length, 1);
    assert.match(wrong[0].message, /48\/132/, wrong[0].message);
  });

  it('a later "xếp thứ N" of the same year that differs from the earlier "là 48/132" is a figure-conflict; the same rank is none', async () => {
    assert.deepEqual(await findings('Năm 2022, [[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam xếp thứ 48/132.', 'figure-conflict'), []);
    const conflict = await findings('Năm 2022, [[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam xếp thứ 44/132.', 'figure-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /48\/132/, conflict[0].message);
  });
});
