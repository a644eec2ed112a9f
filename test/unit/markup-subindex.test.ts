/**
 * A sub-index written after its index (server/src/core/markup/figure-owner.ts): "Theo kết quả DTI
 * 2022, chỉ số chuyển đổi nhận thức của thành phố Cần Thơ đạt 0,9000". The index's name and the
 * subject of one of its main indices both bind the figure; the subject, nearer it and of the
 * index's family, owns it. Negative: the subject written before the index, the subject with no
 * province, a subject that may be the index itself (in a committee's name), two subjects given one
 * figure.
 *
 * Facts (DTI 2022, provincial detail table; Cần Thơ: DTI 0.6924, nhận thức số 0.9000, thể chế số
 * 0.8000, hạ tầng số 0.7233, nhân lực số 0.7376): https://dti.gov.vn/xep-hang-2022
 */
import * as assert from 'node:assert/strict';
import { marked } from './dti-marks';

describe('markup: a sub-index written after its index', () => {
  for (const mode of ['wrap', 'canonical'] as const) {
    it(`${mode}: the main index's subject after "DTI" owns the figure, not DTI`, () => {
      assert.deepEqual(marked('Theo kết quả DTI 2022, chỉ số chuyển đổi nhận thức của thành phố Cần Thơ đạt 0,9000.', mode), [['dti-province-awareness-score', '0,9000']]);
      assert.deepEqual(marked('Bảng điểm DTI năm 2022 cho thấy chỉ số chuyển đổi nhận thức của tỉnh đạt 0,9000.', mode), [['dti-province-awareness-score', '0,9000']]);
    });

    it(`${mode}: the subject before the index owns nothing; the index keeps its figure`, () => {
      assert.deepEqual(marked('Chỉ số chuyển đổi nhận thức được đánh giá cao, còn DTI của Cần Thơ đạt 0,6924.', mode), [['dti-province-score', '0,6924']]);
    });

    it(`${mode}: a subject that may be the index itself (a committee's name) owns nothing over the index`, () => {
      // "chuyển đổi số" is also the DTI's own subject: no part of it (the DTI stays too far from its rank).
      assert.deepEqual(marked('Kết quả DTI năm 2021, do Ủy ban Quốc gia về chuyển đổi số công bố, đặt tỉnh ở vị trí thứ 2.', mode), []);
    });

    it(`${mode}: the short name with no province around is not marked`, () => {
      assert.deepEqual(marked('Chỉ số chuyển đổi nhận thức đạt 0,9000.', mode), []);
      assert.deepEqual(marked('Hạ tầng số đạt 0,7233.', mode), []);
    });

    it(`${mode}: two subjects given one figure (no "lần lượt"): neither is marked`, () => {
      assert.deepEqual(marked('Với Cần Thơ, thể chế số, hạ tầng số đạt 0,8000 và 0,7233.', mode), []);
    });
  }
});
