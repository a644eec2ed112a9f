/**
 * A keystroke's check reuses what the checks before it derived: the chunk models, the detector's
 * units known to name nothing (skipped before they are shifted into place, markup/detect.ts), the
 * rules' memo of history-derived values (rules/memo.ts, with the latest statement of each period
 * end), the level figures of an analysis and each catalog's sibling series (rules/history-context.ts).
 * Property: after any sequence of random edits checked one after the other (caches warm), the
 * findings are exactly those of a fresh check of the final text (every content cache emptied, a
 * new service with its own catalog and history).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { clearContentCaches } from '../../server/src/core/caches';
import { chunkStarts } from '../../server/src/core/parse/chunks';
import { seriesKey } from '../../server/src/core/history/subject';
import { LanguageService } from '../../server/src/core/service';
import { indexedService } from './indexed-service';
import { loadWorkspace, ruleFixturesDir } from '../rule-fixtures';
import { sizedReport } from '../../bench/workspace.mjs';

const RUNS = Number(process.env.FC_NUM_RUNS) || 12;
// A fixed seed, so that CI is reproducible; FC_SEED explores others.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;

/** What a writer types: words, figures, marks, sentence and paragraph breaks, names of the catalog. */
const PIECES = [
  'a', 'ư', ' ', '.', ', ', '. ', '\n\n', '\n', '%', '5', '0', ',', '1.234', ' 42%', ' tỷ USD', ' triệu',
  ' tăng 12%', ' giảm', ' năm 2023', ' quý II/2024', ' đạt', ' mục tiêu', '[[', ']]', '|', ' khoảng ',
  'Tỷ lệ hồ sơ trực tuyến toàn trình', '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 61%', 'Số doanh nghiệp công nghệ số',
  ' doanh nghiệp công nghệ số đạt 70.000 doanh nghiệp', 'kinh tế số trong GDP', ' chiếm 18,3% GDP',
];

/** An edit at a relative place: insert a piece, or delete a few characters. */
type Edit = { at: number; del: number; piece: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 12 })),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.constant('')),
});

function apply(text: string, e: Edit): string {
  const at = Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.del));
}

interface Scenario {
  name: string;
  files: Record<string, string>;
  folder: string;
  draft: string;
  severities?: Record<string, 'off'>;
}

/** A small bench workspace: earlier sessions with consistent figures, a draft with deliberate mistakes. */
function benchScenario(): Scenario {
  const folder = 'file:///keystroke-memo';
  const sessions = 4;
  const files: Record<string, string> = {};
  for (let s = 1; s <= sessions; s++) files[`${folder}/phien-${s}.report.md`] = sizedReport({ s, sessions, kb: 6 });
  const draft = `${folder}/du-thao.report.md`;
  // Plus indicators named in prose without a mark (unmarked-indicator), near its start and at its end.
  const unmarked = '\n\nPhát triển doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp.\n\nDoanh thu của kinh tế số đạt 53 tỷ USD.\n';
  const text = sizedReport({ s: sessions + 1, sessions, kb: 16, mistakes: true });
  const early = text.indexOf('\n\n', text.indexOf('## '));
  files[draft] = `${text.slice(0, early)}${unmarked}${text.slice(early)}${unmarked}`;
  return { name: 'bench', files, folder, draft };
}

async function fixtureScenario(rel: string, draftName: string): Promise<Scenario> {
  const { files, folder } = await loadWorkspace({ rule: rel.split('/')[0], dir: path.join(ruleFixturesDir, rel) });
  return { name: rel, files, folder, draft: `${folder}/${draftName}`, severities: undefined };
}

/**
 * What the history holds of one report: its entries and mentions, for every indicator of the
 * catalog. As JSON: a report indexed from the workspace (history/snapshot.ts historyDocument) holds
 * its figures as read back from JSON (an open interval's Infinity is null there), and an open report
 * whose entries read the same keeps those (history.ts setReport).
 */
function historyOf(service: LanguageService, uri: string): unknown {
  return JSON.parse(JSON.stringify(service.catalogs.catalog.all().map((i) => ({
    id: i.id,
    entries: service.history.entries(i.id).filter((e) => e.origin.uri === uri),
    mentions: service.history.citing(i.id).filter((m) => m.uri === uri),
  }))));
}

async function serviceOf(s: Scenario, draftText?: string): Promise<LanguageService> {
  const files = { ...s.files, ...(draftText === undefined ? {} : { [s.draft]: draftText }) };
  return indexedService(files, s.folder, { severities: s.severities });
}

describe('keystroke memo: warm re-checks equal a fresh check', function () {
  this.timeout(600000);
  const scenarios: Array<() => Promise<Scenario>> = [
    async () => benchScenario(),
    () => fixtureScenario('unmarked-indicator', 'fires.report.md'),
    () => fixtureScenario('large-movement/default', 'phien-09.report.md'),
    () => fixtureScenario('stock-decrease', 'phien-09.report.md'),
    () => fixtureScenario('wrong-series', 'du-thao.report.md'),
  ];

  it('the scenarios have findings of the memoized rules to compare', async () => {
    const codes = new Set<string>();
    for (const make of scenarios) {
      const s = await make();
      const service = await serviceOf(s);
      for (const f of service.check(s.draft, s.files[s.draft], 1)) codes.add(f.code);
    }
    for (const code of ['unmarked-indicator', 'large-movement', 'stock-decrease', 'wrong-series', 'figure-conflict']) {
      assert.ok(codes.has(code), `no ${code} finding in any scenario: the property would not cover it`);
    }
  });

  for (const [i, make] of scenarios.entries()) {
    it(`random edits, checked one after the other, give a fresh check's findings (scenario ${i + 1})`, async () => {
      const s = await make();
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
          const warm = await serviceOf(s);
          let text = s.files[s.draft];
          let version = 1;
          warm.check(s.draft, text, version);
          let last = warm.check(s.draft, text, version);
          for (const e of edits) {
            text = apply(text, e);
            last = warm.check(s.draft, text, ++version);
          }
          clearContentCaches();
          const fresh = await serviceOf(s, text);
          assert.deepEqual(last, fresh.check(s.draft, text, 1), `${s.name}: after ${JSON.stringify(edits)}`);
          // What the draft contributes to the history (a keystroke that moves nothing leaves it as it was).
          assert.deepEqual(historyOf(warm, s.draft), historyOf(fresh, s.draft), `${s.name}: history after ${JSON.stringify(edits)}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }

  it('a keystroke in a later chunk: the findings after it keep their places', async () => {
    // The bench draft has many chunks; type into its middle, one character at a time.
    const s = benchScenario();
    const warm = await serviceOf(s);
    let text = s.files[s.draft];
    const before = warm.check(s.draft, text, 1);
    const at = text.indexOf('\n\n', Math.floor(text.length / 2));
    assert.ok(at > 0);
    let version = 1;
    for (const ch of ' Tỷ lệ') {
      text = text.slice(0, at) + ch + text.slice(at);
      warm.check(s.draft, text, ++version);
    }
    const after = warm.check(s.draft, text, version);
    clearContentCaches();
    const fresh = (await serviceOf(s, text)).check(s.draft, text, 1);
    assert.deepEqual(after, fresh);
    // Typed at the end of a line: every line after it is where it was, and so is every finding on it
    // (the units and figures of the later chunks were shifted into place, not left at old offsets).
    const line = text.slice(0, at).split('\n').length - 1;
    const below = (fs: typeof before) => fs.filter((f) => f.range.start.line > line);
    assert.ok(below(before).some((f) => f.code === 'unmarked-indicator'), 'unmarked mentions after the edit to compare');
    assert.deepEqual(below(after), below(before));
  });
  it('a prose keystroke re-places only what moved: earlier chunks shared, the history left as it was', async () => {
    const s = benchScenario();
    const warm = await serviceOf(s);
    let text = s.files[s.draft];
    const before = warm.analysis(s.draft, text, 1);
    warm.check(s.draft, text, 1);
    const generation = warm.history.generation;
    // Typed inside a prose sentence of the draft, its last (no figure, no reference, no new line).
    const at = text.lastIndexOf('rõ rệt.') + 'rõ rệt'.length;
    assert.ok(at > text.length / 4);
    text = text.slice(0, at) + ' x' + text.slice(at);
    const after = warm.analysis(s.draft, text, 2);
    const findings = warm.check(s.draft, text, 2);
    assert.notEqual(after.doc, before.doc);
    // The chunks before the edited one (parse/chunks.ts; none is merged in this draft) are placed as before.
    const chunkStart = chunkStarts(text).filter((c) => c <= at).pop()!;
    const earlier = after.doc.figures.filter((f) => after.doc.lines.offsetAt(f.range.start) < chunkStart);
    assert.ok(earlier.length > 10, 'figures before the edit to compare');
    const shared = new Set(before.doc.figures);
    assert.ok(earlier.every((f) => shared.has(f)), 'the figures before the edit are the placed objects of the version before');
    assert.equal(warm.history.generation, generation, 'a prose keystroke leaves the history as it was');
    clearContentCaches();
    const fresh = await serviceOf(s, text);
    assert.deepEqual(findings, fresh.check(s.draft, text, 1));
    assert.deepEqual(historyOf(warm, s.draft), historyOf(fresh, s.draft));
  });

  it('a keystroke after a reference of its paragraph hands the history nothing; a figure typed does', async () => {
    const s = benchScenario();
    const warm = await serviceOf(s);
    let text = s.files[s.draft];
    warm.check(s.draft, text, 1);
    let handed = 0;
    const setReport = warm.history.setReport.bind(warm.history);
    warm.history.setReport = (a) => {
      handed++;
      setReport(a);
    };
    // The end of a line that holds a reference with its figure (its chunk is read again, its
    // reference and figure are new objects of the same values).
    const line = text.split('\n').find((l) => /\]\][^|]*\d[^|]*\.$/.test(l) && !l.startsWith('|'));
    assert.ok(line, 'a prose line with a reference and a figure');
    const at = text.indexOf(line) + line.length - 1;
    text = text.slice(0, at) + ' x' + text.slice(at);
    const findings = warm.check(s.draft, text, 2);
    assert.equal(handed, 0, 'the same references, figures and places: the history is not handed the new version');
    clearContentCaches();
    assert.deepEqual(findings, (await serviceOf(s, text)).check(s.draft, text, 1));
    // A digit of that line's figure: handed to the history.
    const digit = text.indexOf(line.slice(line.indexOf(']]'))) + line.slice(line.indexOf(']]')).search(/\d/);
    text = text.slice(0, digit) + (text[digit] === '7' ? '8' : '7') + text.slice(digit + 1);
    const edited = warm.check(s.draft, text, 3);
    assert.equal(handed, 1);
    clearContentCaches();
    const fresh = await serviceOf(s, text);
    assert.deepEqual(edited, fresh.check(s.draft, text, 1));
    assert.deepEqual(historyOf(warm, s.draft), historyOf(fresh, s.draft));
  });

  it("an edit of a heading alone moves a provincial figure to the heading's new province in the history", async () => {
    // A figure of a provincial series whose sentence names no province is the province its
    // section's heading names (docs/history.md "Provinces in the history"): renaming the heading
    // changes no reference, yet the history must file the figure under the new province.
    const s = await fixtureScenario('figure-conflict/province-history', 'phien-10.report.md');
    const draft = `${s.folder}/phien-14.report.md`;
    const body = (province: string) =>
      `---\nsession: 14\ndate: 2025-12-01\nperiod: 2025\ntitle: Phiên họp thứ 14\n---\n\n## Kết quả của ${province}\n\nNăm 2022, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,7204.\n`;
    const scenario = { ...s, files: { ...s.files, [draft]: body('Quảng Ninh') }, draft };
    const warm = await serviceOf(scenario);
    let text = scenario.files[draft];
    const id = 'dti-province-score';
    const ofDraft = (province: string) => warm.history.entries(seriesKey(id, province)).filter((e) => e.origin.uri === draft).map((e) => e.raw);
    warm.check(draft, text, 1);
    assert.deepEqual(ofDraft('Quảng Ninh'), ['đạt 0,7204']);
    // The same number of characters: no line, chunk start or reference moves.
    text = body('Bắc Ninh').padEnd(text.length, ' ');
    const findings = warm.check(draft, text, 2);
    assert.deepEqual(ofDraft('Bắc Ninh'), ['đạt 0,7204'], 'the history files the figure under the heading\'s new province');
    assert.deepEqual(ofDraft('Quảng Ninh'), []);
    clearContentCaches();
    const fresh = await serviceOf(scenario, text);
    assert.deepEqual(findings, fresh.check(draft, text, 1));
    // Another report of session 15 stating Bắc Ninh's 2022 score otherwise is now told of session 14.
    const later = `${s.folder}/phien-15.report.md`;
    const laterText = '---\nsession: 15\ndate: 2026-01-15\nperiod: 2025\n---\n\nNăm 2022, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] của Bắc Ninh đạt 0,6500.\n';
    const conflicts = (service: LanguageService) => service.check(later, laterText, 1).filter((f) => f.code === 'figure-conflict').map((f) => f.message);
    assert.equal(conflicts(warm).length, 1);
    assert.deepEqual(conflicts(warm), conflicts(fresh));
  });

  it("an edit of the front matter's period re-dates every chunk's figures", async () => {
    const s = benchScenario();
    const warm = await serviceOf(s);
    let text = s.files[s.draft];
    warm.check(s.draft, text, 1);
    const m = /^period: (\d{4})-(\d{2})$/m.exec(text);
    assert.ok(m, 'the draft has a monthly period');
    let version = 1;
    for (const period of [`${m[1]}-01`, `${Number(m[1]) - 1}-${m[2]}`, '', `${m[1]}-${m[2]}`]) {
      text = text.replace(/^period: .*$/m, `period: ${period}`);
      const findings = warm.check(s.draft, text, ++version);
      clearContentCaches();
      const fresh = await serviceOf(s, text);
      assert.deepEqual(findings, fresh.check(s.draft, text, 1), `period ${period}`);
      assert.deepEqual(historyOf(warm, s.draft), historyOf(fresh, s.draft), `period ${period}`);
    }
  });
  it('two open drafts sharing their body but not their session: each gets its own history rules\' findings', async () => {
    // The chunks after the front matter are the same text in both, placed at the same lines: the two
    // documents share their placed figures (parse/document.ts assemble), and what the history rules
    // kept per figure (rules/memo.ts findingsOfFigure) must be asked again for the other session.
    const s = benchScenario();
    const a = s.draft;
    const b = `${s.folder}/ban-sao.report.md`;
    const textA = s.files[a];
    const m = /^session: (\d+)$/m.exec(textA);
    assert.ok(m && Number(m[1]) >= 3, 'the draft has a session after two others');
    const textB = textA.replace(/^session: \d+$/m, 'session: 2').replace(/^date: .*$/m, 'date: 2000-01-01');
    assert.equal(textB.split('\n').length, textA.split('\n').length);
    const both = { ...s, files: { ...s.files, [b]: textB } };
    const warm = await serviceOf(both);
    const checks: Array<[string, string]> = [[a, textA], [b, textB], [a, textA], [b, textB]];
    const found = checks.map(([uri, text], i) => warm.check(uri, text, 1 + (i >> 1)));
    const shared = new Set(warm.analysis(a, textA, 2).doc.figures);
    assert.ok(warm.analysis(b, textB, 2).doc.figures.filter((f) => shared.has(f)).length > 10, 'the two drafts share placed figures');
    // Each fresh check in a service of its own, caches emptied: neither shares anything with the other.
    clearContentCaches();
    const freshA = (await serviceOf(both)).check(a, textA, 1);
    clearContentCaches();
    const freshB = (await serviceOf(both)).check(b, textB, 1);
    const history = (fs: typeof freshA) => fs.filter((f) => ['figure-conflict', 'series-outlier', 'wrong-series'].includes(f.code));
    assert.notDeepEqual(history(freshA), history(freshB), 'the sessions get other history findings: the test could fail');
    assert.deepEqual(found[0], freshA);
    assert.deepEqual(found[1], freshB);
    assert.deepEqual(found[2], freshA);
    assert.deepEqual(found[3], freshB);
  });
});
