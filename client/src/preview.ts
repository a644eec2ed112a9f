/**
 * The Markdown preview plugin (`markdown.markdownItPlugins`): `[[name]]` and `[[name @ CODE]]`
 * render as a highlighted indicator name (the compiler as a small tag), so a preview reads like the
 * final report. Code spans and blocks are untouched: the rule runs on inline text only.
 */
import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function policyReportPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'policy_report_ref', (state: StateInline, silent: boolean) => {
    const src = state.src;
    const start = state.pos;
    if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return false;
    const end = src.indexOf(']]', start + 2);
    if (end < 0) return false;
    const inner = src.slice(start + 2, end);
    if (!inner.trim() || /[\[\]\n]/.test(inner)) return false;
    if (!silent) {
      const at = inner.lastIndexOf('@');
      const name = (at >= 0 ? inner.slice(0, at) : inner).trim();
      const compiler = at >= 0 ? inner.slice(at + 1).trim() : '';
      const token = state.push('html_inline', '', 0);
      token.content =
        `<span class="policy-report-ref" title="${escape(inner.trim())}">${escape(name)}` +
        (compiler ? `<sup class="policy-report-compiler">${escape(compiler)}</sup>` : '') +
        '</span>';
    }
    state.pos = end + 2;
    return true;
  });
}
