/**
 * The closing block of a Word report written as paragraphs ("Nơi nhận:", the recipients, the
 * signature block): read into the front matter's fields, and nothing after it lost (an annex, its
 * table, a paragraph after the signer's name stay in the body).
 */
import * as assert from 'node:assert/strict';
import { takeClosingParagraphs } from '../../server/src/core/word/closing';
import type { DocumentFields } from '../../server/src/core/word/fields';
import { runsText, type Block } from '../../server/src/core/word/model';

const para = (...lines: string[]): Block => ({ kind: 'paragraph', runs: lines.map((text, k) => ({ text, ...(k ? { breakBefore: true } : {}) })), indent: 0 });
const table: Block = { kind: 'table', rows: [[[{ text: 'Chỉ tiêu' }], [{ text: '2024' }]]], align: [null, null] };
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'table' ? '<table>' : runsText(b.runs)));

function take(blocks: Block[]): { blocks: Block[]; fields: DocumentFields; found: boolean } {
  const fields: DocumentFields = {};
  const copy = [...blocks];
  const found = takeClosingParagraphs(copy, fields);
  return { blocks: copy, fields, found };
}

describe('Word import: the closing block as paragraphs', () => {
  it('reads the recipients and the signature after them, and keeps an annex that follows', () => {
    const r = take([
      para('Nội dung báo cáo.'),
      para('Nơi nhận:'),
      para('- Thủ tướng Chính phủ;'),
      para('- Lưu: VT.'),
      para('KT. BỘ TRƯỞNG'),
      para('THỨ TRƯỞNG'),
      para('(Đã ký)'),
      para('Nguyễn Văn A'),
      para('PHỤ LỤC'),
      para('Số liệu chi tiết của các tỉnh.'),
      table,
    ]);
    assert.ok(r.found);
    assert.deepEqual(r.fields.recipients, ['Thủ tướng Chính phủ;', 'Lưu: VT.']);
    assert.deepEqual(r.fields.signer, { authority: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Nguyễn Văn A' });
    assert.deepEqual(texts(r.blocks), ['Nội dung báo cáo.', 'PHỤ LỤC', 'Số liệu chi tiết của các tỉnh.', '<table>']);
  });

  it('a title in mixed case is not taken for the name', () => {
    const r = take([para('Nơi nhận:', '- UBND tỉnh;', '- Lưu: VT.'), para('TM. ỦY BAN NHÂN DÂN'), para('Phó Chủ tịch'), para('Trần Thị B'), para('Ghi chú: số liệu ước tính đến hết tháng 11.')]);
    assert.deepEqual(r.fields.signer, { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'Phó Chủ tịch', name: 'Trần Thị B' });
    assert.deepEqual(texts(r.blocks), ['Ghi chú: số liệu ước tính đến hết tháng 11.']);
  });

  it('a signature laid out before "Nơi nhận:" and body text after the recipients: the text stays', () => {
    const r = take([para('Kết luận.'), para('KT. CHỦ TỊCH'), para('PHÓ CHỦ TỊCH'), para('Lê Văn C'), para('Nơi nhận:'), para('- Như trên;'), para('Báo cáo này thay thế báo cáo số 12/BC-UBND.')]);
    assert.deepEqual(r.fields.recipients, ['Như trên;']);
    assert.deepEqual(r.fields.signer, { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Văn C' });
    assert.deepEqual(texts(r.blocks), ['Kết luận.', 'Báo cáo này thay thế báo cáo số 12/BC-UBND.']);
  });

  it('lines of one paragraph after the name stay as a paragraph of their own', () => {
    const r = take([para('Nơi nhận:', '- Lưu: VT.', 'BỘ TRƯỞNG', 'Nguyễn Văn D', 'Các số liệu trên được tổng hợp từ báo cáo của 63 tỉnh, thành phố trực thuộc Trung ương.')]);
    assert.deepEqual(r.fields.signer, { title: 'BỘ TRƯỞNG', name: 'Nguyễn Văn D' });
    assert.deepEqual(texts(r.blocks), ['Các số liệu trên được tổng hợp từ báo cáo của 63 tỉnh, thành phố trực thuộc Trung ương.']);
  });

  it('the label alone, then a long paragraph: only the label is taken', () => {
    const r = take([para('Nơi nhận:'), para('Đây là một đoạn văn dài của phần thân báo cáo, không phải người nhận cũng không phải chữ ký, và phải được giữ.')]);
    assert.ok(r.found);
    assert.equal(r.fields.recipients, undefined);
    assert.equal(r.fields.signer, undefined);
    assert.equal(r.blocks.length, 1);
  });

  it('the label with other lines in its paragraph keeps those lines', () => {
    const r = take([para('Nơi nhận:', 'Đây là một câu dài của phần thân, viết ngay dưới nhãn trong cùng một đoạn văn, phải được giữ lại nguyên vẹn.')]);
    assert.deepEqual(texts(r.blocks), ['Đây là một câu dài của phần thân, viết ngay dưới nhãn trong cùng một đoạn văn, phải được giữ lại nguyên vẹn.']);
  });

  it('no "Nơi nhận:": nothing taken', () => {
    const blocks = [para('Một đoạn.'), table];
    const r = take(blocks);
    assert.equal(r.found, false);
    assert.deepEqual(r.blocks, blocks);
  });
});
