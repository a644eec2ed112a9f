/**
 * The markup detector (server/src/core/markup): indicators named in unmarked prose, bound to their
 * figures, marked where the mark binds as intended. Measured against a gold list written by hand
 * (test/fixtures/markup/gold.yaml) on the five seed articles and on held-out paragraphs; the marked
 * text differs from the input only by the marks; the CLI `markup`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog, parseCatalogYaml } from '../../server/src/core/catalog';
import { detectMentions, markAllEdits, markText, type MarkMode, type Mention } from '../../server/src/core/markup';
import { unmarkedIndicator, unmarkedIndicatorFindings } from '../../server/src/core/rules/unmarked-indicator';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { readFigures } from '../../server/src/core/parse/figures';
import { fixturesDir, repoRoot } from '../helpers';

const catalog = new Catalog(loadDefaultCatalog());
const markupDir = path.join(fixturesDir, 'markup');

interface GoldPair {
  id: string | string[];
  figure: string;
}
interface Gold {
  seen: Array<{ seed: string; pairs: GoldPair[]; unnamed?: GoldPair[] }>;
  heldout: Array<{ name: string; text: string; pairs: GoldPair[]; unnamed?: GoldPair[] }>;
}
const gold = parseYaml(readFileSync(path.join(markupDir, 'gold.yaml'), 'utf8')) as Gold;
const seedText = (seed: string): string => readFileSync(path.join(markupDir, 'seeds', `${seed}.txt`), 'utf8');

/** The numeral of a gold figure, as the figure reader reads it. */
function numeralOf(raw: string): string {
  const f = readFigures(raw)[0];
  assert.ok(f, `gold figure "${raw}" is not a figure`);
  return f.numeral;
}

interface Score {
  tp: number;
  fp: number;
  gold: number;
  goldAll: number;
  tpAll: number;
  misses: string[];
  falsePositives: string[];
}

/** Marked (indicator, figure) pairs against the gold pairs of one text. */
function score(text: string, pairs: GoldPair[], unnamed: GoldPair[] = []): Score {
  const { mentions } = detectMentions(text, catalog);
  const pool = [...pairs.map((p) => ({ p, named: true })), ...unnamed.map((p) => ({ p, named: false }))];
  const used = new Set<number>();
  const s: Score = { tp: 0, fp: 0, gold: pairs.length, goldAll: pairs.length + unnamed.length, tpAll: 0, misses: [], falsePositives: [] };
  for (const m of mentions) {
    if (!m.figure) continue;
    const hit = pool.findIndex(({ p }, i) => !used.has(i) && [p.id].flat().includes(m.indicator.id) && numeralOf(p.figure) === m.figure!.numeral);
    if (hit < 0) {
      s.fp++;
      s.falsePositives.push(`${m.indicator.id} ← "${m.figure.raw}" ("${m.text}")`);
      continue;
    }
    used.add(hit);
    s.tpAll++;
    if (pool[hit].named) s.tp++;
  }
  pool.forEach(({ p, named }, i) => {
    if (named && !used.has(i)) s.misses.push(`${[p.id].flat().join('|')} ← "${p.figure}"`);
  });
  return s;
}

function total(scores: Score[]): Score & { precision: number; recall: number; recallAll: number } {
  const t = scores.reduce(
    (a, b) => ({
      tp: a.tp + b.tp,
      fp: a.fp + b.fp,
      gold: a.gold + b.gold,
      goldAll: a.goldAll + b.goldAll,
      tpAll: a.tpAll + b.tpAll,
      misses: [...a.misses, ...b.misses],
      falsePositives: [...a.falsePositives, ...b.falsePositives],
    }),
    { tp: 0, fp: 0, gold: 0, goldAll: 0, tpAll: 0, misses: [], falsePositives: [] } as Score,
  );
  const marked = t.tpAll + t.fp;
  return { ...t, precision: marked ? t.tpAll / marked : 1, recall: t.gold ? t.tp / t.gold : 1, recallAll: t.goldAll ? t.tpAll / t.goldAll : 1 };
}

const fmt = (x: number): string => x.toFixed(3);

/** Removes the marks of `mentions` from a marked text, independently of the detector's own edits. */
function unmark(marked: string, mentions: Mention[], mode: MarkMode, text: string): string {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let k = 0;
  return marked.replace(/\[\[([^\[\]\r\n]*)\]\]/g, (all, inner: string) => {
    const m = sorted[k++];
    assert.ok(m, `a mark the detector did not report: ${all}`);
    const name = inner.replace(/\s*@\s*[^@]*$/, '');
    if (mode === 'wrap') {
      assert.ok(m.wrappable);
      assert.equal(name, m.text);
      return name;
    }
    assert.equal(name, m.indicator.name);
    // The canonical mark replaces the words and, at most, words beside them that the name says (mention.ts absorbNameWords).
    assert.ok(m.canonicalSpan.start <= m.start && m.end <= m.canonicalSpan.end);
    return text.slice(m.canonicalSpan.start, m.canonicalSpan.end);
  });
}

// The held-out recall measured (13/16) when the held-out set was first run, after the detector was
// written and tuned on the seeds only, was 0.81; since wrap mode no longer rewrites the words of a
// variant (issue 13), two of those (names with "các" inserted) are listed as variant-name: 11/16
// (see docs/accuracy.md, "The markup detector's first measurements"). Seeds: 26/44 → 24/44 (a
// typo, a clause inside a name) → 23/44. With the checker's binder (issue 13 item 7: a level
// before the name in its clause, a level after a change, a target): seeds 32/44, held out 12/16,
// precision 1.00 on both.
const HELDOUT_RECALL = 0.75;
const SEEDS_RECALL = 0.727;

describe('markup: measured against the hand-written gold list', () => {
  const seen = gold.seen.map((g) => ({ name: g.seed, ...score(seedText(g.seed), g.pairs, g.unnamed) }));
  const heldout = gold.heldout.map((g) => ({ name: g.name, ...score(g.text, g.pairs, g.unnamed) }));
  const S = total(seen);
  const H = total(heldout);

  after(() => {
    const line = (label: string, t: ReturnType<typeof total>) =>
      `      ${label}: precision ${fmt(t.precision)} (${t.tpAll}/${t.tpAll + t.fp}), recall ${fmt(t.recall)} (${t.tp}/${t.gold}), recall incl. unnamed ${fmt(t.recallAll)} (${t.tpAll}/${t.goldAll})`;
    console.log(line('seen (5 seeds)', S));
    console.log(line('held out      ', H));
  });

  it('seeds: precision ≥ 0.9', () => {
    assert.ok(S.precision >= 0.9, `precision ${fmt(S.precision)}; false positives:\n${S.falsePositives.join('\n')}`);
  });
  it('seeds: recall at the measured level (0.545, margin 0.05)', () => {
    assert.ok(S.recall >= SEEDS_RECALL - 0.05, `recall ${fmt(S.recall)}; misses:\n${S.misses.join('\n')}`);
  });
  it('held out: precision ≥ 0.9', () => {
    assert.ok(H.precision >= 0.9, `precision ${fmt(H.precision)}; false positives:\n${H.falsePositives.join('\n')}`);
  });
  it('held out: recall at the measured level (0.69, margin 0.05)', () => {
    assert.ok(H.recall >= HELDOUT_RECALL - 0.05, `recall ${fmt(H.recall)}; misses:\n${H.misses.join('\n')}`);
  });

  it('the marked text differs from the input only by the marks (wrap and canonical, every text)', () => {
    const texts = [...gold.seen.map((g) => seedText(g.seed)), ...gold.heldout.map((g) => g.text)];
    for (const text of texts) {
      for (const mode of ['wrap', 'canonical'] as const) {
        const { mentions } = detectMentions(text, catalog, { mode });
        const marked = markText(text, mentions, mode);
        assert.equal(unmark(marked, mentions, mode, text), text);
        if (mode === 'wrap') assert.equal(marked.replace(/\[\[|(?: @ [A-ZĐ&]+)?\]\]/g, ''), text, 'wrap only inserts [[ and ]]');
      }
    }
  });

  it('every mark binds, once re-parsed, to the figure reported (and resolves to the indicator)', () => {
    for (const text of [...gold.seen.map((g) => seedText(g.seed)), ...gold.heldout.map((g) => g.text)]) {
      const { mentions } = detectMentions(text, catalog);
      const doc = parseReport(markText(text, mentions, 'wrap'), 'x');
      const refs = analyze(doc, catalog).refs;
      assert.equal(refs.length, mentions.length);
      refs.forEach(({ ref, indicator }, i) => {
        assert.equal(indicator?.id, mentions[i].indicator.id);
        assert.equal(ref.figure?.numeral, mentions[i].figure?.numeral);
      });
    }
  });
});

describe('markup: the detector on small texts', () => {
  const one = (text: string) => detectMentions(text, catalog);
  const ids = (text: string) => one(text).mentions.map((m) => [m.indicator.id, m.figure?.raw ?? null, m.kind]);

  it('exact names, aliases and abbreviations, accent- and case-insensitive; the name before its figure', () => {
    assert.deepEqual(ids('Tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%.'), [['online-e2e-dossier-rate', 'đạt 42%', 'alias']]);
    assert.deepEqual(ids('Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%.'), [['online-e2e-dossier-rate', 'đạt 42%', 'exact']]);
    const unaccented = one('Ty le ho so truc tuyen toan trinh dat 42%.').mentions[0];
    assert.equal(unaccented.indicator.id, 'online-e2e-dossier-rate');
    // Typed without accents the words still resolve (the checker says unaccented-name): kept as typed.
    assert.equal(unaccented.wrappable, true);
    assert.equal(markText('Ty le ho so truc tuyen toan trinh dat 42%.', [unaccented], 'wrap'), '[[Ty le ho so truc tuyen toan trinh]] dat 42%.');
    assert.deepEqual(ids('Số tỉnh khai trương IOC đạt 42/63 tỉnh.'), [['provinces-with-ioc', 'đạt 42/63 tỉnh', 'abbreviation']]);
    // An abbreviation must be written in capitals.
    assert.deepEqual(ids('Số tỉnh khai trương ioc đạt 42/63 tỉnh.'), []);
  });

  it('inserted words and a changed word order (fuzzy, scored): marked in canonical mode, listed in wrap mode', () => {
    const canonical = (text: string) => detectMentions(text, catalog, { mode: 'canonical' });
    const text = 'Tỷ lệ hồ sơ trực tuyến toàn trình của từng địa phương đạt 17%.';
    const m = canonical(text).mentions;
    assert.deepEqual(m.map((x) => [x.indicator.id, x.kind, x.figure?.raw, x.wrappable]), [['online-e2e-dossier-rate-provinces', 'fuzzy', 'đạt 17%', false]]);
    assert.ok(m[0].score >= 0.8 && m[0].score < 1);
    assert.deepEqual(one(text).mentions, []);
    assert.deepEqual(one(text).ambiguous.map((a) => [a.reason, a.candidates.map((c) => c.id), a.figures]), [['variant-name', ['online-e2e-dossier-rate-provinces'], ['đạt 17%']]]);
    const reordered = canonical('Số tài khoản trên Cổng Dịch vụ công quốc gia đăng ký đạt 16,4 triệu tài khoản.').mentions;
    assert.equal(reordered[0]?.indicator.id, 'national-portal-accounts');
    // A typo one letter off.
    assert.equal(canonical('Tỷ lệ dịch vụ công đủ kiều kiện được cung cấp trực tuyến mức độ 4 là 97,3%.').mentions[0]?.indicator.id, 'level4-online-services-rate');
  });

  it('the figure right before the name when no figure follows; a fraction "x/tổng số y"', () => {
    assert.deepEqual(ids('Đến nay mới có 29/63 địa phương ban hành Kế hoạch chuyển đổi số năm 2023.').map((x) => x.slice(0, 2)), [['provinces-annual-dx-plan', '29/63 địa phương']]);
    const m = one('Đến nay mới có 29/63 địa phương ban hành Kế hoạch chuyển đổi số năm 2023.').mentions[0];
    assert.equal(m.period?.code, '2023');
    assert.deepEqual(ids('Các thôn, bản lõm sóng được phủ sóng 256/tổng số 896 thôn, bản, đạt tỷ lệ 28,6%.').map((x) => x.slice(0, 2)), [['dead-zone-villages-covered', '256/tổng số 896 thôn, bản']]);
  });

  it('periods: the sentence\'s period phrase, not a comparison base', () => {
    const m = one('Trong quý I/2022, kinh tế số đóng góp khoảng 53 tỷ USD, tăng so với cuối năm 2021.').mentions[0];
    assert.equal(m.period?.code, '2022-Q1');
    assert.equal(m.period?.raw, 'Trong quý I/2022');
    assert.equal(one('Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42% so với cuối năm 2023.').mentions[0].period, null);
  });

  it('the checker\'s binder: a level before the name in its clause, a level after a change; the mark binds what is reported', () => {
    for (const [text, raw] of [
      ['Đã cấp trên 78 triệu thẻ căn cước có gắn chíp điện tử cho công dân, tăng 2 triệu thẻ so với cuối năm 2022.', 'trên 78 triệu thẻ căn cước'],
      ['Số lượng doanh nghiệp công nghệ số tăng 8% so với cùng kỳ, đạt 50.350 doanh nghiệp.', 'đạt 50.350 doanh nghiệp'],
    ]) {
      const r = one(text);
      assert.equal(r.mentions.length, 1, text);
      assert.equal(r.mentions[0].figure?.raw, raw);
      const ref = parseReport(markText(text, r.mentions, 'wrap'), 'x').references[0];
      assert.equal(ref.figure?.numeral, r.mentions[0].figure?.numeral, text);
    }
  });

  it('ambiguous, with the reason: a figure in another clause or far away, one nearer another name, one a reference binds, a base', () => {
    const far = one('Có 8 nền tảng số đạt trên 10 triệu người dùng và số lượng các nền tảng số Việt Nam có phát sinh người dùng thường xuyên hằng tháng tăng 8,47%.');
    assert.ok(far.ambiguous.some((a) => a.reason === 'far-figure'), JSON.stringify(far.ambiguous.map((a) => a.reason)));
    assert.ok(!far.mentions.some((m) => m.indicator.id === 'platforms-with-monthly-users' && m.figure?.numeral === '10'));
    const taken = one('[[Số doanh nghiệp công nghệ số]] hay số lượng doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp.');
    assert.deepEqual(taken.mentions, []);
    const before = one('Năm 2023, cả nước có 50.350 doanh nghiệp; tỷ lệ hồ sơ trực tuyến toàn trình (so với 30% năm 2022) ở mức cao.');
    assert.ok(before.mentions.every((m) => m.figure?.raw !== '30%'));
    assert.ok(before.ambiguous.length > 0, 'listed, not dropped');
    const shared = one('Tỷ trọng kinh tế số trong GDP ước đạt 18,3%.');
    assert.deepEqual(shared.mentions, []);
    assert.equal(shared.ambiguous[0]?.reason, 'shared-name');
    assert.deepEqual(shared.ambiguous[0].candidates.map((c) => c.id).sort(), ['digital-economy-gdp-share-gso', 'digital-economy-gdp-share-mic']);
    // A half-year only the ministry's estimate publishes (catalog `publishes`): that series, its code in the mark.
    const half = one('Tỷ trọng kinh tế số trong GDP 6 tháng đầu năm 2024 ước đạt 18,3%.');
    assert.deepEqual(half.mentions.map((m) => [m.indicator.id, m.compiler, m.period?.code]), [['digital-economy-gdp-share-mic', 'BTTTT', '2024-S1']]);
    // The code of the body that compiled the series then (catalog from/until): the ministry renamed in 2025.
    const later = one('Tỷ trọng kinh tế số trong GDP 6 tháng đầu năm 2025 ước đạt 19%.');
    assert.deepEqual(later.mentions.map((m) => [m.indicator.id, m.compiler]), [['digital-economy-gdp-share-mic', 'BKHCN']]);
    assert.equal(one('Theo Quyết định số 422/QĐ-TTg ngày 4/4/2022, tỷ lệ dịch vụ công trực tuyến mức độ 4 đạt 97,3%.').ambiguous[0]?.reason, 'document-number-or-date');
    assert.equal(one('Tỷ lệ dịch vụ công trực tuyến mức độ 4 ngày 4/4/2022 đạt 97,3%.').mentions[0]?.period?.code, '2022-04-04');
    assert.equal(one('Số quyết định về chuyển đổi số đã ban hành là 2022.').ambiguous[0]?.reason, 'document-number-or-date');
  });

  it('a shared name takes the compiler named in the sentence or the paragraph before it: "@ CODE" in the mark', () => {
    const text = 'Theo Bộ Thông tin và Truyền thông, kinh tế số phát triển nhanh. Tỷ trọng kinh tế số trong GDP ước đạt 18,3%.\n\nTheo Tổng cục Thống kê, tỷ trọng kinh tế số trong GDP năm 2024 là 13,17%.\n';
    const r = one(text);
    assert.deepEqual(r.mentions.map((m) => [m.indicator.id, m.compiler]), [['digital-economy-gdp-share-mic', 'BTTTT'], ['digital-economy-gdp-share-gso', 'TCTK']]);
    const marked = markText(text, r.mentions, 'wrap');
    assert.match(marked, /\[\[Tỷ trọng kinh tế số trong GDP @ BTTTT\]\] ước đạt 18,3%/);
    assert.match(marked, /Theo Tổng cục Thống kê, \[\[tỷ trọng kinh tế số trong GDP @ TCTK\]\] năm 2024/);
  });

  it('an exact name inside longer fuzzy words (the compiler before it) is marked as written', () => {
    const text = 'Bộ Thông tin và Truyền thông ước tính tỷ trọng kinh tế số trong GDP năm 2022 đạt 14,26%.';
    const r = one(text);
    assert.deepEqual(r.mentions.map((m) => [m.text, m.indicator.id, m.compiler, m.figure?.raw, m.period?.code]), [['tỷ trọng kinh tế số trong GDP', 'digital-economy-gdp-share-mic', 'BTTTT', 'đạt 14,26%', '2022']]);
    assert.equal(markText(text, r.mentions, 'wrap'), 'Bộ Thông tin và Truyền thông ước tính [[tỷ trọng kinh tế số trong GDP @ BTTTT]] năm 2022 đạt 14,26%.');
    // Canonical mode replaces only those words: the writer's words around them stay.
    const c = detectMentions(text, catalog, { mode: 'canonical' });
    assert.match(markText(text, c.mentions, 'canonical'), /^Bộ Thông tin và Truyền thông ước tính \[\[/);
  });

  it('a rank written with a scope the indicator does not rank in (ASEAN, world) is listed, not marked', () => {
    for (const text of ['Xếp hạng Chỉ số phát triển Chính phủ điện tử của Việt Nam đứng thứ 5/11 trong ASEAN.', 'Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu của Việt Nam đứng thứ 2 trong ASEAN, thứ 44/133 thế giới.']) {
      const r = one(text);
      assert.deepEqual(r.mentions, [], text);
      assert.equal(r.ambiguous[0]?.reason, 'figure-does-not-fit', text);
    }
    // The ASEAN series itself, and a world rank of a world series, are marked.
    assert.deepEqual(ids('Xếp hạng Chính phủ điện tử của Việt Nam trong ASEAN đứng thứ 5/11.').map((x) => x.slice(0, 2)), [['egdi-asean-rank', 'đứng thứ 5/11']]);
    assert.deepEqual(ids('Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu của Việt Nam năm 2023 đứng thứ 46/132 thế giới.').map((x) => x.slice(0, 2)), [['gii-rank', 'đứng thứ 46/132 thế giới']]);
  });

  it('a figure the indicator cannot have is listed, not marked: a forecast, a rate per population on a count, a decimal on a rank', () => {
    // A forecast ("dự kiến", "sẽ"): not a value reached in the period it names.
    for (const text of ['Theo kế hoạch của ngành, dự kiến số trạm 5G sẽ đạt 70.000 trạm vào cuối năm 2026.', 'Số trạm 5G dự kiến đạt 70.000 trạm trong năm 2026.']) {
      const r = one(text);
      assert.deepEqual(r.mentions, [], text);
      assert.equal(r.ambiguous[0]?.reason, 'figure-role', text);
    }
    assert.deepEqual(ids('Năm 2024, số trạm 5G đạt 5.500 trạm.').map((x) => x.slice(0, 2)), [['5g-base-stations', 'đạt 5.500 trạm']]);
    // A forecast word two clauses before says nothing of this figure.
    assert.deepEqual(ids('Bộ sẽ tiếp tục theo dõi tiến độ, ưu tiên vùng khó khăn; năm 2024, số trạm 5G đạt 5.500 trạm.').map((x) => x.slice(0, 2)), [['5g-base-stations', 'đạt 5.500 trạm']]);
    // "thuê bao/100 dân" is a ratio: never the count of subscriptions.
    const rate = one('Năm 2024, thuê bao băng rộng cố định đạt khoảng 23 thuê bao/100 dân.');
    assert.ok(!rate.mentions.some((m) => m.indicator.id === 'fixed-broadband-subscriptions'), JSON.stringify(rate.mentions.map((m) => m.indicator.id)));
    // A score (four decimals) is no rank: "DTI" names the rank, so "0,7512" is listed.
    const score = one('Năm 2024, DTI của tỉnh đạt 0,7512.');
    assert.ok(!score.mentions.some((m) => m.indicator.id === 'dti-province-rank'), JSON.stringify(score.mentions.map((m) => m.figure?.raw)));
    assert.deepEqual(ids('Năm 2024, DTI của tỉnh đứng thứ 7/63.').map((x) => x.slice(0, 2)), [['dti-province-rank', 'đứng thứ 7/63']]);
  });

  it('an elliptical "của …" naming a second indicator is listed, with the indicator, not dropped', () => {
    for (const text of ['Tỷ lệ hồ sơ trực tuyến toàn trình của bộ, ngành đạt 61%; của địa phương đạt 17%.', 'Tỷ lệ hồ sơ trực tuyến toàn trình của bộ, ngành đạt 61%, của địa phương đạt 17%.']) {
      const r = one(text);
      assert.deepEqual(r.mentions.map((m) => [m.indicator.id, m.figure?.raw]), [['online-e2e-dossier-rate-ministries', 'đạt 61%']], text);
      assert.deepEqual(r.ambiguous.map((a) => [a.reason, a.text, a.candidates.map((i) => i.id), a.figures]), [['elliptical-name', 'của địa phương', ['online-e2e-dossier-rate-provinces'], ['đạt 17%']]], text);
    }
    // A "của …" that makes no catalog name with the first name's words: nothing listed.
    assert.deepEqual(one('Tỷ lệ hồ sơ trực tuyến toàn trình của bộ, ngành đạt 61%; của năm trước là 40%.').ambiguous, []);
  });

  it('skips what is already marked, front matter, code, HTML comments and link texts', () => {
    const text = [
      '---',
      'title: Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%',
      'session: 9',
      'date: 2024-07-10',
      'period: 2024-S1',
      '---',
      '',
      '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 42%, tỷ lệ hồ sơ trực tuyến toàn trình cả nước là 42%.',
      '',
      '```',
      'Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%.',
      '```',
      '',
      '<!-- Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%. -->',
      '',
      'Xem `Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%` và [tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%](https://example.org).',
      '',
      'Doanh thu kinh tế số đạt 53 tỷ USD.',
      '',
    ].join('\n');
    const r = one(text);
    assert.deepEqual(r.mentions.map((m) => m.indicator.id), ['digital-economy-revenue']);
    assert.deepEqual(r.ambiguous, []);
    // A name never spans masked text.
    assert.deepEqual(one('Tỷ lệ hồ sơ `x` trực tuyến toàn trình đạt 42%.').mentions, []);
  });

  it('a table row: the name in one cell, its figure in a later cell', () => {
    const text = '| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n| Doanh thu kinh tế số | 2022-Q1 | khoảng 53 tỷ USD |\n';
    const r = one(text);
    assert.deepEqual(r.mentions.map((m) => [m.indicator.id, m.figure?.raw, m.period?.code]), [['digital-economy-revenue', 'khoảng 53 tỷ USD', '2022-Q1']]);
    assert.match(markText(text, r.mentions, 'wrap'), /\| \[\[Doanh thu kinh tế số\]\] \| 2022-Q1 \|/);
  });

  it('no figure, no mark (unless plainMentions); nothing in text without indicators', () => {
    assert.deepEqual(one('Thủ tướng yêu cầu nâng cao chất lượng dịch vụ công trực tuyến mức độ 4.').mentions, []);
    assert.equal(detectMentions('Thủ tướng yêu cầu nâng cao chất lượng dịch vụ công trực tuyến mức độ 4.', catalog, { plainMentions: true }).mentions[0]?.figure, null);
    assert.deepEqual(one('Thủ tướng yêu cầu hoàn thành 25 nhiệm vụ trọng tâm theo Quyết định số 749/QĐ-TTg ngày 3/6/2020.'), { mentions: [], ambiguous: [] });
    assert.deepEqual(one(''), { mentions: [], ambiguous: [] });
  });

  it('positions are LSP positions; edits carry offsets and ranges', () => {
    const text = 'Dòng đầu.\r\nTỷ lệ hồ sơ trực tuyến toàn trình đạt 42%.\r\n';
    const m = one(text).mentions[0];
    assert.deepEqual(m.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 33 } });
    assert.deepEqual(m.edits('wrap').map((e) => [e.range.start, e.newText]), [[{ line: 1, character: 0 }, '[['], [{ line: 1, character: 33 }, ']]']]);
    assert.deepEqual(m.edits('canonical').map((e) => e.newText), ['[[Tỷ lệ hồ sơ trực tuyến toàn trình]]']);
  });

  it('a workspace catalog entry is found too', () => {
    const { indicators } = parseCatalogYaml('indicators:\n  - id: ai-startups\n    name: Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo\n    measure: stock\n    unit: doanh nghiệp\n    unitClass: count\n    description: x\n', 'file:///w/.policy-report/indicators.yaml');
    const ws = Catalog.merge(loadDefaultCatalog(), indicators);
    assert.deepEqual(detectMentions('Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo đạt 120 doanh nghiệp.', ws).mentions.map((m) => m.indicator.id), ['ai-startups']);
  });
});

describe('markup: the LSP side (rule, findings, mark all)', () => {
  const text = 'Tỷ lệ hồ sơ trực tuyến toàn trình cả nước đạt 42%. Doanh thu kinh tế số quý I/2022 khoảng 53 tỷ USD.\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 42%.\n';

  it('unmarked-indicator: one information finding per unmarked mention, with a quick fix that marks it', () => {
    const findings = unmarkedIndicatorFindings(text, catalog, { lang: 'en' });
    assert.deepEqual(findings.map((f) => [f.code, f.severity, f.data?.indicator]), [
      ['unmarked-indicator', 'information', 'online-e2e-dossier-rate'],
      ['unmarked-indicator', 'information', 'digital-economy-revenue'],
    ]);
    const fix = findings[0].fixes![0];
    assert.equal(fix.preferred, true);
    assert.deepEqual(fix.edits.map((e) => e.newText), ['[[', ']]']);
    const reported: unknown[] = [];
    unmarkedIndicator.check(analyze(parseReport(text, 'x'), catalog), (f) => reported.push(f));
    assert.equal(reported.length, 2);
    assert.equal(unmarkedIndicator.meta.id, 'unmarked-indicator');
  });

  it('mark all: in the file, or in the sentences a selection touches', () => {
    const all = markAllEdits(text, catalog);
    assert.equal(all.length, 4);
    const sel = markAllEdits(text, catalog, { range: { start: { line: 0, character: 60 }, end: { line: 0, character: 61 } } });
    assert.deepEqual(sel.map((e) => e.newText), ['[[', ']]']);
    assert.equal(sel[0].range.start.character, text.indexOf('Doanh thu'));
    assert.deepEqual(markAllEdits(text, catalog, { mode: 'canonical' }).map((e) => e.newText), ['[[Tỷ lệ hồ sơ trực tuyến toàn trình]]', '[[Doanh thu kinh tế số]]']);
  });

  it('is fast: the five seeds in well under a second once the index is built', () => {
    const texts = gold.seen.map((g) => seedText(g.seed));
    detectMentions(texts[0], catalog);
    const t0 = process.cpuUsage();
    for (const t of texts) detectMentions(t, catalog);
    const ms = (process.cpuUsage(t0).user + process.cpuUsage(t0).system) / 1000;
    assert.ok(ms < 1500, `${ms.toFixed(0)} ms`);
  });
});

describe('markup: the CLI', function () {
  // Each test waits on a child process: under load its start alone can pass mocha's 20 s default.
  const bin = path.join(repoRoot, 'bin', 'policy-report.js');
  const run = (args: string[], cwd = repoRoot) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('prints the marked text; --report json lists what was marked and what was left ambiguous', () => {
    const file = path.join(markupDir, 'seeds', '002.txt');
    const r = run(['markup', file]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.replace(/\[\[|\]\]|\s@\s[A-Z]+(?=\]\])/g, ''), readFileSync(file, 'utf8'));
    assert.match(r.stdout, /\[\[Tỷ lệ hồ sơ trực tuyến toàn trình cả nước\]\] đạt 42%/);
    const j = JSON.parse(run(['markup', file, '--report', 'json']).stdout);
    assert.ok(j.marked.length >= 8);
    const first = j.marked[0];
    assert.deepEqual(Object.keys(first).sort(), ['figure', 'figureRange', 'indicator', 'kind', 'name', 'newText', 'period', 'range', 'score'].sort());
    assert.deepEqual([first.name, first.indicator, first.figure], ['Tỷ lệ hồ sơ trực tuyến toàn trình cả nước', 'online-e2e-dossier-rate', 'đạt 42%']);
    assert.ok(j.ambiguous.every((a: { reason: string; text: string; range: unknown }) => a.reason && a.text && a.range));
  });

  it('--write marks in place and keeps FILE.bak; the workspace catalog is used', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'markup-'));
    try {
      mkdirSync(path.join(dir, '.policy-report'));
      writeFileSync(
        path.join(dir, '.policy-report', 'indicators.yaml'),
        'indicators:\n  - id: ai-startups\n    name: Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo\n    measure: stock\n    unit: doanh nghiệp\n    unitClass: count\n    description: x\n',
      );
      const file = path.join(dir, 'nhap.report.md');
      const original = 'Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo đạt 120 doanh nghiệp.\n';
      writeFileSync(file, original);
      const r = run(['markup', 'nhap.report.md', '--write'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(file, 'utf8'), '[[Số doanh nghiệp khởi nghiệp trí tuệ nhân tạo]] đạt 120 doanh nghiệp.\n');
      assert.equal(readFileSync(file + '.bak', 'utf8'), original);
      copyFileSync(file + '.bak', file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 2 on a usage error or an unreadable file', () => {
    assert.equal(run(['markup']).status, 2);
    assert.equal(run(['markup', 'a.md', 'b.md']).status, 2);
    assert.equal(run(['markup', 'x.md', '--report', 'xml']).status, 2);
    const missing = run(['markup', 'no/such/file.report.md']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
    assert.ok(!existsSync(path.join(repoRoot, 'no')));
  });
});
