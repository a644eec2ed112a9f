/**
 * The markup detector on unseen press-style reports (test/fixtures/press-unmarked, facts.yaml beside
 * them; test/prose/markup-eval.ts): it changes nothing but the marks, and its recall and precision of
 * (indicator, figure, period) facts do not fall below the level measured when the files were written.
 * The aim is recall ≥ 0.8 and precision ≥ 0.95; `npm run accuracy` prints today's figures
 * and every missed fact with its reason.
 */
import * as assert from 'node:assert/strict';
import { evaluateMarkup, markupReport } from '../prose/markup-eval';

describe('markup on unseen press-style reports', () => {
  const ev = evaluateMarkup();

  it('has several sessions and their facts', () => {
    assert.ok(ev.files.length >= 4, `${ev.files.length} reports`);
    assert.ok(ev.expected >= 25, `${ev.expected} facts`);
  });

  it('changes no byte of the writer’s text but the marks', () => {
    for (const f of ev.files) assert.ok(f.bytesKept, `${f.file}: ${f.byteProblem}`);
  });

  it('keeps recall and precision at least at the measured level (2026-12-03: 23/27, 23/23; before the issue-13 fixes 21/27)', () => {
    // Floors, not the aim: raise them when the detector improves. 23/27 meets the aim (0.8).
    // Second issue-13 round (press aliases; two more reports, 38 facts): 28/38, 28/28.
    // Fourth round ([[subject]] references resolved by their figure: wrap marks subjects): 34/38, 34/34.
    assert.ok(ev.right >= 34, markupReport(ev));
    assert.ok(ev.precision >= 0.94, markupReport(ev));
  });
});

describe('markup on held-out press-style reports (never tuned on)', () => {
  // test/fixtures/press-unmarked-held: sessions 6 and 8, written with their facts before any tuning
  // for the press set, measured once as they were (2026-12-03: 5/13, 5/5), reported apart.
  const ev = evaluateMarkup('press-unmarked-held');

  it('has two sessions and their facts', () => {
    assert.ok(ev.files.length >= 2, `${ev.files.length} reports`);
    assert.ok(ev.expected >= 12, `${ev.expected} facts`);
  });

  it('changes no byte of the writer’s text but the marks', () => {
    for (const f of ev.files) assert.ok(f.bytesKept, `${f.file}: ${f.byteProblem}`);
  });

  it('keeps recall and precision at least at the first measured level', () => {
    // Second issue-13 round (press aliases): 7/13.
    assert.ok(ev.right >= 7, markupReport(ev));
    assert.ok(ev.precision >= 0.94, markupReport(ev));
  });
});

describe('markup on the second held-out set (written before the issue-13 tuning)', () => {
  // test/fixtures/press-unmarked-held2: sessions 2 and 3 and a provincial DTI report, written with
  // their facts before the detector was changed for issue 13's known misses, measured once as they
  // were (2026-12-03: 3/13, 3/3; after the changes, their misses unseen while tuning: 4/13, 4/4).
  const ev = evaluateMarkup('press-unmarked-held2');

  it('has three reports and their facts', () => {
    assert.ok(ev.files.length >= 3, `${ev.files.length} reports`);
    assert.ok(ev.expected >= 13, `${ev.expected} facts`);
  });

  it('changes no byte of the writer’s text but the marks', () => {
    for (const f of ev.files) assert.ok(f.bytesKept, `${f.file}: ${f.byteProblem}`);
  });

  it('keeps recall and precision at least at the measured level', () => {
    // Second issue-13 round (press aliases): 6/13. Fourth round (subject references): 10/13.
    assert.ok(ev.right >= 10, `recall ${ev.right}/${ev.expected}`);
    assert.ok(ev.precision >= 0.94, `precision ${ev.precision}`);
  });
});

describe('markup on the third held-out set (tuned on since its first measurement)', () => {
  // test/fixtures/press-unmarked-held3: sessions of the committee and its successor, two provincial
  // DTI reports, written with their facts without reading the detector; measured once as written
  // (2026-12-03: wrap 6/33, precision 6/10; canonical 13/33, 13/17), then tuned on (precision first:
  // forecasts, rates per population and decimal scores no longer bound).
  const ev = evaluateMarkup('press-unmarked-held3');

  it('has five reports and their facts', () => {
    assert.ok(ev.files.length >= 5, `${ev.files.length} reports`);
    assert.ok(ev.expected >= 33, `${ev.expected} facts`);
  });

  it('changes no byte of the writer’s text but the marks', () => {
    for (const f of ev.files) assert.ok(f.bytesKept, `${f.file}: ${f.byteProblem}`);
  });

  it('keeps recall and precision at least at the measured level', () => {
    // After the precision rules and press aliases ("dùng" for "sử dụng", "mật độ thuê bao", "điểm
    // DTI", "tài khoản VNeID", "trạm 5G"): 14/33, 14/14. Fourth round (subject references): 17/33.
    assert.ok(ev.right >= 17, markupReport(ev));
    assert.ok(ev.precision >= 0.95, markupReport(ev));
  });
});

describe('markup on the fourth held-out set (tuned on since the fourth issue-13 round)', () => {
  // test/fixtures/press-unmarked-held4: measured once as written (wrap 8/43, precision 8/12; canonical
  // 14/43, 14/22); the fourth round's general rules (role, unit and counted-noun fit, a percentage
  // change of a count is its growth, a period set by another sentence listed, subject references):
  // wrap 13/43, 13/14; canonical 18/43, 18/20.
  for (const [mode, floor] of [['wrap', 13], ['canonical', 18]] as const)
    it(`${mode}: keeps the bytes, recall and precision at least at the measured level`, () => {
      const ev = evaluateMarkup('press-unmarked-held4', mode);
      assert.ok(ev.bytesKept);
      assert.ok(ev.right >= floor, markupReport(ev));
      assert.ok(ev.precision >= 0.89, markupReport(ev));
    });
});

describe('markup in canonical mode on the press-style sets', () => {
  // `markup --mode canonical` writes the catalog's name inside the marks, so a variant the writer
  // worded another way is marked too; nothing outside a mention's words changes. Measured
  // 2026-12-03: tuned 23/27 (precision 23/24), held out 7/13 (7/7), second held-out 6/13 (6/6).
  // Second issue-13 round (subjects, counted nouns, press aliases; two more tuning reports): tuned
  // 36/38 (36/36), first former held-out 12/13 (12/12), second 10/13 (10/10).
  const floors: Array<[string, number]> = [
    ['press-unmarked', 36],
    ['press-unmarked-held', 12],
    ['press-unmarked-held2', 10],
    ['press-unmarked-held3', 18],
  ];
  for (const [folder, floor] of floors) {
    it(`${folder}: each edit replaces one mention's words only; recall and precision at least as measured`, () => {
      const ev = evaluateMarkup(folder, 'canonical');
      for (const f of ev.files) assert.ok(f.bytesKept, `${f.file}: ${f.byteProblem}`);
      assert.ok(ev.right >= floor, `recall ${ev.right}/${ev.expected}`);
      assert.ok(ev.precision >= 0.95, `precision ${ev.precision}`);
      // Canonical mode finds at least what wrap mode finds.
      assert.ok(ev.right >= evaluateMarkup(folder).right, 'canonical below wrap');
    });
  }
});
