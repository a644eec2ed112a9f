/**
 * Internet-speed reports as writers write them (issue 13, round 15; test/fixtures/markup/speed-round15.yaml,
 * found on the seen set press-unmarked-held21): the speeds' names of the press (catalog aliases), a
 * speed and its rank in one sentence (parse/further.ts MEASURE_GAP "đưa Việt Nam lên"; figure-words.ts
 * "lùi", "tụt", "thăng"), a round mark first crossed (markup/qualified.ts), a "và" no fuzzy name takes
 * (markup/match.ts), a table whose caption names the measure and whose header cells the network
 * (markup/table-caption-part.ts). Each case is marked in both modes and read back as the checker and
 * the history read it; wrap inserts the marks only.
 */
import * as assert from 'node:assert/strict';
import { describeCases, loadCases, markCase, markedFacts } from './marked-facts';

const { cases, catalog } = loadCases('speed-round15.yaml');

describeCases('markup and the checker: internet-speed reports (fixtures/markup/speed-round15.yaml)', cases, { positive: 8, negative: 5 }, (c, mode) => {
  const { source, marked } = markCase(c, mode, catalog);
  const uri = 'file:///speed.report.md';
  const want = (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap;
  assert.deepEqual(markedFacts(marked, catalog, uri), want, marked);
  assert.deepEqual(markedFacts(marked, catalog, uri, { history: true }), want, marked);
  if (mode === 'wrap') assert.equal(marked.replace(/\[\[|\]\]/g, ''), source);
});
