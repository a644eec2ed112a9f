/**
 * Two names, two figures: payment channels listed, then their changes "lần lượt" / "tương ứng", issue
 * 13 round 34 (test/fixtures/pair34-round34.yaml; docs/reading.md §76), as the checker reads the text
 * marked by `markup` in each mode (or as written); the history reads the same:
 * 1. a channel without its head noun as the k-th of a list of channels takes the k-th per cent after
 *    the word (markup/channel-list.ts, channel-words.ts, channel-names.ts);
 * 2. "tương ứng" pairs as "lần lượt" does (parse/lists.ts `respectively`, markup/name-lists.ts);
 * 3. a writer's marks read as the detector's.
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<string[]>>('pair34-round34.yaml');

describe('payment channels listed, then their changes "lần lượt" / "tương ứng" (fixtures/pair34-round34.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///pair34.report.md');
});
