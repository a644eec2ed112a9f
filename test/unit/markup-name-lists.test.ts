/**
 * Lists of names before their figures, paired by "lần lượt" (server/src/core/markup/name-lists.ts):
 * "các chỉ số thể chế số, hạ tầng số và nhân lực số lần lượt đạt 0,8000, 0,7233 và 0,7376". Each name's figure is measured from the list's end; the list is marked whole
 * or not at all (an unmarked name would shift the checker's pairing). Negative: a comma closing a
 * topic ("Về hạ tầng số, …") is no list; a list one of whose names cannot be marked is not marked.
 *
 * Facts (DTI 2022, Cần Thơ: thể chế số 0.8000, hạ tầng số 0.7233, nhân lực số 0.7376; the DTI 2022
 * main indices "Nhận thức số, Thể chế số, Hạ tầng số, Nhân lực số, An toàn thông tin mạng", the
 * catalog's aliases of the 2020 names): https://dti.gov.vn/xep-hang-2022,
 * http://eballsviet.com/bo-chi-so-danh-gia-chuyen-doi-so-cap-tinh-59970 (QĐ 922/QĐ-BTTTT).
 */
import * as assert from 'node:assert/strict';
import { marked } from './dti-marks';

describe('markup: lists of names paired by "lần lượt"', () => {
  for (const mode of ['wrap', 'canonical'] as const) {
    it(`${mode}: three main indices and their three scores, each its own`, () => {
      assert.deepEqual(marked('Với Cần Thơ, các chỉ số thể chế số, hạ tầng số và nhân lực số lần lượt đạt 0,8000, 0,7233 và 0,7376.', mode), [
        ['dti-province-institutions-score', '0,8000'],
        ['dti-province-infrastructure-score', '0,7233'],
        ['dti-province-workforce-score', '0,7376'],
      ]);
    });

  }

  it('a list one of whose names wrap cannot mark (a variant of the name) is not marked at all in wrap; canonical marks it whole', () => {
    const s = 'Với Cần Thơ, điểm chỉ số nhân lực số, hạ tầng số và điểm chỉ số kiến tạo thể chế của tỉnh lần lượt đạt 0,7376, 0,7233 và 0,8000.';
    // In wrap, "[[điểm chỉ số kiến tạo thể chế của tỉnh]]" would not resolve: the other two would then share 0,7376.
    assert.deepEqual(marked(s, 'wrap'), []);
    assert.deepEqual(marked(s, 'canonical'), [
      ['dti-province-workforce-score', '0,7376'],
      ['dti-province-infrastructure-score', '0,7233'],
      ['dti-province-institutions-score', '0,8000'],
    ]);
  });

  it('a comma after a topic is no list: the name after it keeps its own figure', () => {
    assert.deepEqual(marked('Về hạ tầng số, tốc độ truy cập băng rộng cố định năm 2022 đạt 71,79 Mbps.', 'canonical'), [['fixed-broadband-download-speed', '71,79 Mbps']]);
  });
});
