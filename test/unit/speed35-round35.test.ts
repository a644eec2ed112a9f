/**
 * The broadband speed family, issue 13 round 35 (test/fixtures/speed35-round35.yaml; docs/reading.md
 * §83), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. the network words of a speed's alias name its rank too (catalog/subjects.ts networkRanks);
 * 2. "mạng cố định" names the fixed network (catalog alias "tốc độ mạng cố định");
 * 3. a network named alone in a sentence a province owns, or at the end of a world-average list,
 *    names no speed (markup/subjects.ts networkSetElsewhere);
 * 4. an upload told between a download speed's name and its figure (markup/upload-figure.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<string[]>>('speed35-round35.yaml');

describe('the broadband speed family: networks, their ranks, uploads (fixtures/speed35-round35.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///speed35.report.md');
});
