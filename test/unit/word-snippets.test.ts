/**
 * The whole-document snippets: the official header, recipients and signature (front matter keys the
 * .docx export reads), "Kiến nghị, đề xuất", "Phương hướng, nhiệm vụ thời gian tới", "Kết luận";
 * ministry and province choices are today's names (after the 2025 reorganisation), no snippet
 * names a body that no longer exists, and the earlier names are still accepted in old reports; the
 * expanded skeleton is a valid report that exports; every prefix is in the README; team snippet
 * files are read whether named *.json or *.code-snippets.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import snippets from '../../snippets/policy-report.json';
import { FORMER_MINISTRIES, FORMER_PROVINCES, MINISTRIES_2025, PROVINCES_2025, successorOf } from '../../server/src/core/agencies';
import { snippetToText } from '../../server/src/core/rules/section-snippets';
import { parseReport } from '../../server/src/core/parse/document';
import { readDocumentFields } from '../../server/src/core/word/fields';
import { buildWordReport } from '../../server/src/core/word/model';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { repoRoot } from '../helpers';

const defs = snippets as Record<string, { prefix: string | string[]; body: string | string[]; description?: string }>;
const bodyOf = (k: string) => (Array.isArray(defs[k].body) ? (defs[k].body as string[]).join('\n') : (defs[k].body as string));

/** The choice lists (${n|a,b|}) of all snippets, unescaped. */
function choiceLists(): string[][] {
  const lists: string[][] = [];
  for (const k of Object.keys(defs)) {
    for (const m of bodyOf(k).matchAll(/\$\{\d+\|((?:\\.|[^|\\])*)\|\}/g)) lists.push(m[1].split(/(?<!\\),/).map((s) => s.replace(/\\(.)/g, '$1')));
  }
  return lists;
}

describe('whole-document snippets', () => {
  it('offer the sections reports carry and the official blocks', () => {
    for (const k of ['Kiến nghị, đề xuất', 'Phương hướng, nhiệm vụ thời gian tới', 'Kết luận', 'Thể thức văn bản (Nghị định 30/2020)', 'Nơi nhận', 'Chữ ký']) assert.ok(defs[k], k);
    assert.match(bodyOf('Kiến nghị, đề xuất'), /^## Kiến nghị, đề xuất$/m);
    assert.match(bodyOf('Phương hướng, nhiệm vụ thời gian tới'), /^## Phương hướng, nhiệm vụ thời gian tới$/m);
  });

  it('name the ministries and provinces of today, and no body that no longer exists', () => {
    const lists = choiceLists();
    const ministries = lists.filter((l) => l.includes('Bộ Khoa học và Công nghệ'));
    const provinces = lists.filter((l) => l.includes('Hà Nội'));
    assert.ok(ministries.length >= 2 && provinces.length >= 2);
    for (const l of ministries) assert.deepEqual([...l].sort(), [...MINISTRIES_2025].sort());
    for (const l of provinces) assert.deepEqual(l, [...PROVINCES_2025]);
    assert.equal(PROVINCES_2025.length, 34);
    assert.equal(MINISTRIES_2025.length, 17);
    const all = Object.keys(defs).map(bodyOf).join('\n');
    for (const old of [...Object.keys(FORMER_MINISTRIES), ...Object.keys(FORMER_PROVINCES)]) assert.ok(!all.includes(old), `a snippet still names ${old}`);
  });

  it('accept the earlier names in old reports, and say who carries them on', () => {
    assert.equal(successorOf('Bộ Thông tin và Truyền thông', '2024-07-10'), 'Bộ Thông tin và Truyền thông');
    assert.equal(successorOf('Bộ Thông tin và Truyền thông', '2025-03-01'), 'Bộ Khoa học và Công nghệ');
    assert.equal(successorOf('Bắc Kạn', '2025-06-30'), 'Bắc Kạn');
    assert.equal(successorOf('Bắc Kạn', '2025-07-01'), 'Thái Nguyên');
    assert.equal(successorOf('bộ khoa học và công nghệ'), 'Bộ Khoa học và Công nghệ');
    assert.equal(63 - Object.keys(FORMER_PROVINCES).length, PROVINCES_2025.length);
    for (const s of Object.values(FORMER_PROVINCES)) assert.ok(PROVINCES_2025.includes(s), s);
    // An old report's front matter with a former ministry and province is valid.
    const old = '---\nsession: 2\ndate: 2022-04-27\nperiod: 2022-Q1\ntitle: Phiên 2\nissuer: Bộ Thông tin và Truyền thông\nplace: Bắc Kạn\n---\n\n# Phiên 2\n';
    assert.deepEqual(parseReport(old, 'file:///a.report.md').problems, []);
  });

  it('expand to a valid report whose header fields the export reads (the skeleton with the header, recipients and signature)', () => {
    // VS Code's variables as they would be today.
    const expand = (k: string) => snippetToText(bodyOf(k).replace(/\$\{CURRENT_YEAR\}/g, '2025').replace(/\$\{CURRENT_MONTH\}/g, '03').replace(/\$\{CURRENT_DATE\}/g, '07'));
    const skeleton = expand('Báo cáo phiên họp (khung đầy đủ)');
    const extra = ['Thể thức văn bản (Nghị định 30/2020)', 'Nơi nhận', 'Chữ ký'].map(expand).join('\n');
    const text = skeleton.replace(/^---\n([\s\S]*?)\n---\n/, (_m, fm: string) => `---\n${fm.replace(/^(issuer|number|place): .*$/gm, '')}\n${extra}\n---\n`);
    const doc = parseReport(text, 'file:///s.report.md');
    assert.deepEqual(doc.problems.map((p) => p.message.en), []);
    const { fields } = readDocumentFields(doc.frontMatter!.data);
    assert.equal(fields.issuer, 'Bộ Khoa học và Công nghệ');
    assert.equal(fields.place, 'Hà Nội');
    assert.deepEqual(fields.recipients, ['Như trên;', 'Thủ tướng Chính phủ (để b/c);', 'Lưu: VT, đơn vị soạn thảo.']);
    assert.deepEqual(fields.signer, { authority: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Họ và tên' });
    assert.ok(buildWordReport(doc).blocks.length > 10);
  });

  it('are all listed in the README with what they insert', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const [k, d] of Object.entries(defs)) {
      for (const p of Array.isArray(d.prefix) ? d.prefix : [d.prefix]) assert.ok(readme.includes(`\`${p}\``), `README lists the prefix ${p} (${k})`);
    }
  });

  it('team snippet files are read whether named *.json or *.code-snippets; a snippet scoped to another language is not offered', async () => {
    const folder = 'file:///ws';
    const files = {
      [`${folder}/.policy-report/snippets/team.json`]: '{ "A": { "prefix": "mot", "body": "một" } }',
      [`${folder}/.policy-report/snippets/shared.code-snippets`]: '{ // VS Code\'s shared snippet file\n "B": { "scope": "markdown,policy-report", "prefix": "hai", "body": ["hai"] },\n "C": { "scope": "python", "prefix": "ba", "body": "ba" } }',
      [`${folder}/.policy-report/snippets/notes.txt`]: '{ "D": { "prefix": "bon", "body": "bốn" } }',
    };
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder] });
    await service.reloadSnippets();
    assert.deepEqual(service.teamSnippets(`${folder}/a.report.md`).flatMap((s) => s.prefixes).sort(), ['hai', 'mot']);
  });
});
