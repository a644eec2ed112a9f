/**
 * The one reader of province names (core/provinces.ts) and the one per-entry province predicate
 * (catalog/provincial.ts): what the history (history/subject.ts) and the markup judges
 * (markup/province.ts) both read. province-history.test.ts covers the names as the history uses them.
 */
import * as assert from 'node:assert/strict';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { provinceFacts } from '../../server/src/core/catalog/provincial';
import type { Indicator } from '../../server/src/core/catalog/types';
import { ownerProvince, provincesNamed } from '../../server/src/core/provinces';

const catalog = loadDefaultCatalog();
const byId = (id: string) => catalog.find((i) => i.id === id)!;

describe('provinces: one reader of names', () => {
  it('takes "tỉnh", "thành phố", "TP" into the mention, the name stays the province', () => {
    const text = 'Năm 2022, tỉnh Bắc Kạn tăng 8 bậc; TP Đà Nẵng dẫn đầu.';
    const got = provincesNamed(text).map((m) => [m.name, text.slice(m.from, m.end), text.slice(m.at, m.end)]);
    assert.deepEqual(got, [
      ['Bắc Kạn', 'tỉnh Bắc Kạn', 'Bắc Kạn'],
      ['Đà Nẵng', 'TP Đà Nẵng', 'Đà Nẵng'],
    ]);
  });

  it('reads "Hồ Chí Minh" and "HCM" as the city only after "thành phố" or "TP"', () => {
    const names = (s: string) => provincesNamed(s).map((m) => m.name);
    assert.deepEqual(names('phối hợp với Đoàn Thanh niên Cộng sản Hồ Chí Minh'), []);
    assert.deepEqual(names('https://mic.gov.vn/HCM-City-ranks-high'), []);
    assert.deepEqual(names('thành phố Hồ Chí Minh, TP. Hồ Chí Minh, TP. HCM, TPHCM'), Array(4).fill('Thành phố Hồ Chí Minh'));
  });

  it('with `local`, also a local unit that is no province ("thành phố Thủ Đức")', () => {
    const text = 'thành phố Thủ Đức và tỉnh Quảng Ninh';
    assert.deepEqual(provincesNamed(text).map((m) => m.name), ['Quảng Ninh']);
    assert.deepEqual(provincesNamed(text, { local: true }).map((m) => [m.name, text.slice(m.from, m.end)]), [
      [null, 'thành phố Thủ'],
      ['Quảng Ninh', 'tỉnh Quảng Ninh'],
    ]);
  });

  it('ownerProvince: the first province as written, not a venue, not the Pacific', () => {
    assert.equal(ownerProvince('Năm 2022, tỉnh Quảng Ninh đạt 0,7024 điểm'), 'tỉnh Quảng Ninh');
    assert.equal(ownerProvince('Hội nghị tổ chức tại Đà Nẵng, Huế đạt 0,7951'), 'Huế');
    assert.equal(ownerProvince('Hội nghị tổ chức tại Đà Nẵng, cả nước đạt 45%'), null);
    assert.equal(ownerProvince('Việt Nam đứng thứ 7 tại châu Á - Thái Bình Dương'), null);
    assert.equal(ownerProvince('Khánh Hoà đạt 45%'), 'Khánh Hoà');
    assert.equal(ownerProvince('tỷ lệ toàn quốc đạt 45%'), null);
  });
});

describe('provinces: one predicate per catalog entry', () => {
  it('tells a series of provinces, "cấp tỉnh", words of localities, a denominator of provinces', () => {
    assert.deepEqual(provinceFacts(byId('dti-province-rank')), { series: true, level: true, local: true, countsProvinces: true });
    assert.deepEqual(provinceFacts(byId('online-work-files-province')), { series: false, level: true, local: true, countsProvinces: false });
    assert.deepEqual(provinceFacts(byId('online-e2e-dossier-rate-provinces')), { series: false, level: false, local: true, countsProvinces: false });
    assert.deepEqual(provinceFacts(byId('dti-ministry-rank')), { series: false, level: false, local: false, countsProvinces: false });
  });

  it('reads an entry once: the same answer object for the same entry, a new one for another entry', () => {
    const ind = byId('dti-province-score');
    assert.equal(provinceFacts(ind), provinceFacts(ind));
    const copy: Indicator = { ...ind, scope: 'world' };
    assert.equal(provinceFacts(copy).series, false);
    assert.equal(provinceFacts(copy).level, true);
  });

  it('an alias saying "cấp tỉnh" makes a national entry a series of provinces', () => {
    const ind: Indicator = { ...byId('dti-ministry-score'), id: 'x', name: 'Chỉ số X', aliases: ['Chỉ số X cấp tỉnh'] };
    assert.equal(provinceFacts(ind).series, true);
  });
});
