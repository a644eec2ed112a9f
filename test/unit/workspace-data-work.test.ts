/**
 * Workspace data that used to crash or block the server (issue 12), by counting work (core/work.ts)
 * and by what is refused, not by time:
 * - figures.csv: a catalog change (a keystroke in indicators.yaml) binds the rows read before,
 *   looking each distinct indicator name up once, and an unknown name costs no suggestions until
 *   they are read: the work does not grow with rows × catalog names (a 2 MB file took 18 s a
 *   keystroke);
 * - team snippet files nested thousands deep (jsonc-parser recursed once per level: the server
 *   crashed on every start) or over a million characters are refused before they are parsed,
 *   with a problem in both languages.
 */
import * as assert from 'node:assert/strict';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import type { Indicator } from '../../server/src/core/catalog/types';
import { HistoryIndex } from '../../server/src/core/history/history';
import { parseFiguresCsv } from '../../server/src/core/history/csv';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../../server/src/core/parse/guard';
import { MAX_SNIPPET_CHARS, parseSnippetFile } from '../../server/src/core/snippets';
import { stepsOf } from '../../server/src/core/work';

const URI = 'file:///ws/.policy-report/figures.csv';
const base = loadDefaultCatalog();
/** The default catalog and `extra` made-up entries. */
function catalogWith(extra: number): Catalog {
  const more: Indicator[] = Array.from({ length: extra }, (_, i) => ({ ...base[i % base.length], id: `extra-${i}`, name: `Chỉ tiêu bổ sung thứ ${i} của địa phương`, aliases: [], abbreviations: [] }));
  return new Catalog([...base, ...more]);
}
/** figures.csv with `rows` rows of distinct unknown names, and one known row. */
function csvOf(rows: number): string {
  const lines = ['indicator,period,value,unit', `${base[0].id},2023,5,${base[0].unit}`];
  for (let i = 0; i < rows; i++) lines.push(`Chỉ tiêu lạ số ${i} ở địa phương,2023,${i},hồ sơ`);
  return lines.join('\n');
}

describe('workspace data: figures.csv on a catalog change, snippet files', function () {
  this.timeout(0);

  it('a catalog change re-binds figures.csv without work per row × catalog name', () => {
    const history = new HistoryIndex();
    history.setCsv(URI, csvOf(2000), catalogWith(0));
    const [plain, larger] = [catalogWith(0), catalogWith(2000)];
    const small = stepsOf(() => history.recatalog(plain));
    const large = stepsOf(() => history.recatalog(larger));
    // The larger catalog has about ten times the names: the work must not follow it.
    assert.ok(large < 1.5 * small, `catalog ×10: ${small} → ${large} steps`);
    // And it is linear in the rows.
    history.setCsv(URI, csvOf(20000), plain);
    const again = catalogWith(0);
    const tenfold = stepsOf(() => history.recatalog(again));
    assert.ok(tenfold <= 12 * small, `rows ×10: ${small} → ${tenfold} steps`);
  });

  it('a name repeated on every row is looked up once', () => {
    const catalog = catalogWith(0);
    const text = ['indicator,period,value', ...Array.from({ length: 5000 }, (_, i) => `Một chỉ tiêu không có,2023,${i}`)].join('\n');
    const history = new HistoryIndex();
    history.setCsv(URI, text, catalog);
    const next = catalogWith(0);
    // A step per row bound, one lookup of the name (its keys: some 50 steps), nothing read again.
    const steps = stepsOf(() => history.recatalog(next));
    assert.ok(steps < 5000 + 200, `${steps} steps for 5000 rows of one name`);
    const { entries, problems } = parseFiguresCsv(text, URI, catalog);
    assert.equal(entries.length, 0);
    assert.equal(problems.length, 5000);
    assert.match(problems[4999].message.vi, /không có trong danh mục/);
    assert.match(problems[4999].message.en, /the indicator "Một chỉ tiêu không có" is not in the catalog/);
    assert.equal(problems[4999].range.start.line, 5000);
  });

  it('the rows bind as before: known names, periods, values, and the problems of the others', () => {
    const catalog = catalogWith(0);
    const text = ['indicator,period,value,unit,compiler', `${base[0].id},2023,"12,5",${base[0].unit},TCTK`, `${base[0].name},2022-Q9,1,`, `${base[0].name},2022,abc,`, 'Không có,2023,1,'].join('\n');
    const history = new HistoryIndex();
    history.setCsv(URI, text, catalogWith(5));
    history.recatalog(catalog);
    assert.deepEqual(history.csvProblems().get(URI)!.map((p) => [p.range.start.line, p.message.en]), [
      [2, 'figures.csv: "2022-Q9" is not a valid period code.'],
      [3, 'figures.csv: cannot read the value "abc".'],
      [4, 'figures.csv: the indicator "Không có" is not in the catalog.'],
    ]);
    assert.deepEqual(parseFiguresCsv(text, URI, catalog).entries.map((e) => [e.indicatorId, e.period, e.value, e.origin.compiler]), [[base[0].id, '2023', 12.5, 'TCTK']]);
  });

  it('an unknown name costs no suggestions until they are read, and they are the same then', () => {
    const catalog = catalogWith(0);
    const name = 'ty le ho so truc tuyen toan trinh xyz';
    const cheap = stepsOf(() => catalog.resolve(name));
    const match = catalog.resolve(name);
    assert.equal(match.kind, 'unknown');
    // A few passes over the name (its folded keys: exact, variant, neutral words, words put in), nothing
    // per entry of the catalog: the same in a catalog 2 000 entries larger. (The bound was 200 steps
    // until names13's step 4, words put in, added two more passes over the name: 277.)
    assert.ok(cheap <= 8 * name.length, `${cheap} steps to find a name of ${name.length} characters unknown`);
    const larger = catalogWith(2000);
    assert.equal(stepsOf(() => larger.resolve(name)), cheap, 'the same steps in a catalog 2 000 entries larger');
    const read = stepsOf(() => 'suggestions' in match && match.suggestions.length);
    assert.ok(read > catalog.size, 'the suggestions are computed when read');
    assert.deepEqual('suggestions' in match ? match.suggestions.map((i) => i.id) : [], catalog.suggest(name, 3).map((i) => i.id));
    assert.equal(stepsOf(() => 'suggestions' in match && match.suggestions.length), 0, 'and then kept');
  });

  describe('snippet files', () => {
    const deep = (n: number) => '{"a": ' + '['.repeat(n) + ']'.repeat(n) + '}';

    it('nested 5 000 deep (10 KB) and 200 000 deep: refused before parsing, with a problem in both languages', () => {
      for (const n of [5000, 200_000]) {
        const { snippets, problems } = parseSnippetFile(deep(n), 'file:///ws/.policy-report/snippets/a.json');
        assert.equal(snippets.length, 0);
        assert.equal(problems.length, 1);
        assert.match(problems[0].message.vi, /lồng nhau quá 64 cấp/);
        assert.match(problems[0].message.en, /nested more than 64 levels deep/);
        // `{` is the first level, the 64th `[` the 65th.
        assert.equal(problems[0].range.start.character, 5 + MAX_JSON_DEPTH);
      }
    });

    it('the depth counts brackets outside strings and comments only', () => {
      const text = `// [[[[ {{{{\n/* ${'['.repeat(500)} */\n{"s": {"prefix": "s", "body": ["${'['.repeat(500)}", "\\"${'{'.repeat(100)}"]}}`;
      assert.equal(jsonTooDeep(text), null);
      const { snippets, problems } = parseSnippetFile(text, 'u');
      assert.deepEqual(problems, []);
      assert.equal(snippets.length, 1);
      assert.equal(jsonTooDeep('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), null);
      assert.ok(jsonTooDeep('['.repeat(MAX_JSON_DEPTH + 1)));
      assert.ok(jsonTooDeep('"unterminated\n' + '['.repeat(MAX_JSON_DEPTH + 1)), 'a string ends at its line');
    });

    it('over a million characters: refused without being read, with a problem in both languages', () => {
      const text = `{"s": {"prefix": "s", "body": "${'x'.repeat(MAX_SNIPPET_CHARS)}"}}`;
      const steps = stepsOf(() => parseSnippetFile(text, 'u'));
      const { snippets, problems } = parseSnippetFile(text, 'u');
      assert.equal(snippets.length, 0);
      assert.match(problems[0].message.vi, /quá lớn/);
      assert.match(problems[0].message.en, /too large/);
      assert.equal(steps, 0, 'not scanned');
    });

    it('a real snippet file still reads', () => {
      const { snippets, problems } = parseSnippetFile('{\n  // team\n  "Mở đầu": {"prefix": ["md"], "body": ["# ${1:Tiêu đề}", ""], "description": "d"},\n}', 'u');
      assert.deepEqual(problems, []);
      assert.deepEqual(snippets.map((s) => [s.name, s.prefixes, s.body]), [['Mở đầu', ['md'], '# ${1:Tiêu đề}\n']]);
    });
  });
});
