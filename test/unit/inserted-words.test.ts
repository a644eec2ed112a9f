/**
 * Words put between a name's words (catalog/inserted-words.ts, issue 13 round 13): what the rule
 * accepts, what it refuses, and the evidence in the shipped catalog: wherever one of its names is
 * another of its names with words put in, both are names of the same entry (so the rule never
 * turns a written name into another entry's), and each inserted word of the rule occurs so.
 */
import * as assert from 'node:assert/strict';
import { loadDefaultCatalog } from '../../server/src/core/catalog';
import { insertedInto, insertKey, insertRun } from '../../server/src/core/catalog/inserted-words';

describe('catalog: words put into a name (inserted-words.ts)', () => {
  it('accepts connectives and subject words strictly inside the name, in order', () => {
    assert.ok(insertedInto('tốc độ tải xuống trung bình của mạng di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(insertedInto('tốc độ tải xuống trung bình đối với mạng băng rộng cố định', 'Tốc độ tải xuống trung bình băng rộng cố định'));
    assert.ok(insertedInto('Doanh thu của ngành công nghiệp công nghệ số', 'Doanh thu công nghiệp công nghệ số'));
    assert.ok(insertedInto('tỉ lệ về hộ gia đình sử dụng Internet cáp quang', 'Tỷ lệ hộ gia đình sử dụng Internet cáp quang'));
    // the passive marker (round 15), alone or after "đã"
    assert.ok(insertedInto('hồ sơ được giải quyết trực tuyến toàn trình', 'hồ sơ giải quyết trực tuyến toàn trình'));
    assert.ok(insertedInto('chứng thư chữ ký số đã được cấp', 'chứng thư chữ ký số đã cấp'));
  });

  it('refuses other words, words before or after the name, a dropped word, "với" alone', () => {
    assert.ok(!insertedInto('tốc độ tải xuống trung bình của mạng cố định', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('của tốc độ tải xuống trung bình mạng di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('tốc độ tải xuống trung bình mạng di động của Viettel', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('tốc độ tải xuống trung bình di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('tốc độ tải xuống trung bình với mạng di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('tốc độ tải xuống trung bình trong mạng di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertedInto('tốc độ tải xuống trung bình mạng di động', 'tốc độ tải xuống trung bình mạng di động'));
    assert.ok(!insertRun(['với']) && insertRun(['đối', 'với']) && insertRun(['của', 'các', 'mạng']));
    // "dược" folds as "được" does: told apart by its accents
    assert.ok(!insertedInto('hồ sơ dược giải quyết trực tuyến toàn trình', 'hồ sơ giải quyết trực tuyến toàn trình'));
  });

  it('in the shipped catalog, a name with words put in is a name of the same entry, and each word of the rule occurs so', () => {
    const labels = loadDefaultCatalog().flatMap((i) => [i.name, ...(i.aliases ?? [])].map((text) => ({ text, id: i.id })));
    const byKey = new Map<string, typeof labels>();
    for (const l of labels) byKey.set(insertKey(l.text), [...(byKey.get(insertKey(l.text)) ?? []), l]);
    const pairs: Array<[string, string, string, string]> = [];
    for (const group of byKey.values()) for (const a of group) for (const b of group) if (a !== b && insertedInto(a.text, b.text)) pairs.push([a.text, a.id, b.text, b.id]);
    assert.deepEqual(pairs.filter(([, ia, , ib]) => ia !== ib), []);
    const written = pairs.map(([a]) => a.toLowerCase()).join(' | ');
    for (const word of ['của', 'ngành', 'mạng', 'internet', 'đã', 'được']) assert.ok(new RegExp(`(^|\\s)${word}(\\s|$)`, 'u').test(written), `${word}: ${written}`);
  });
});
