/** The Markdown preview plugin renders references readably and leaves code alone. */
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { policyReportPlugin } from '../../client/src/preview';

describe('preview plugin', () => {
  const md = new MarkdownIt().use(policyReportPlugin);

  it('renders a reference as a highlighted name with its compiler', () => {
    const html = md.render('[[Tỷ trọng kinh tế số trong GDP @ TCTK]] năm 2024 là 13,17%.');
    assert.match(html, /<span class="policy-report-ref" title="Tỷ trọng kinh tế số trong GDP @ TCTK">Tỷ trọng kinh tế số trong GDP<sup class="policy-report-compiler">TCTK<\/sup><\/span> năm 2024 là 13,17%\./);
    assert.ok(!html.includes('[['));
  });

  it('leaves code, unclosed and empty brackets as they are, and escapes HTML', () => {
    assert.match(md.render('`[[x]]`'), /<code>\[\[x\]\]<\/code>/);
    assert.match(md.render('[[chưa đóng'), /\[\[chưa đóng/);
    assert.match(md.render('[[]]'), /\[\[\]\]/);
    assert.match(md.render('[[<b>x</b>]]'), /&lt;b&gt;x&lt;\/b&gt;/);
  });
});
