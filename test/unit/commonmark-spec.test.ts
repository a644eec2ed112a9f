/**
 * The CommonMark spec examples (npm `commonmark-spec`, 0.31) through the report parser: none makes
 * it throw, and nothing inside code (or raw HTML) is read as a reference or a figure.
 *
 * To give the second check teeth, each example is rewritten: every "foo", "bar", "baz" becomes
 * `[[x]] 42%`, and the same is put inside every code span and at the end of the first content line
 * of every code block. Then (1) no reference or figure of `parseReport` overlaps a code or HTML
 * node, and (2) the references found are exactly those a CommonMark parser (+ GFM tables, as the
 * dialect) sees in prose: markdown-it used the same way as a bare parser, and micromark, the
 * parser of its own the dialect was first built on (an independent implementation of the spec).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Nodes, Root } from 'mdast';
import { parseReport } from '../../server/src/core/parse/document';
import { parseMarkdown } from '../../server/src/core/parse/guard';
import { repoRoot } from '../helpers';
import { micromarkTree } from './micromark-tree';

interface Example {
  markdown: string;
  section: string;
  number: number;
}

/** The examples, read the way the package's own index.js reads them ("→" stands for a tab). */
function specExamples(): Example[] {
  const text = readFileSync(path.join(repoRoot, 'node_modules', 'commonmark-spec', 'spec.txt'), 'utf8')
    .replace(/\r\n?/g, '\n')
    .replace(/^<!-- END TESTS -->(.|[\n])*/m, '');
  const out: Example[] = [];
  let section = '';
  let number = 0;
  const rx = /^`{32} example\n([\s\S]*?)^\.\n([\s\S]*?)^`{32}$|^#{1,6} *(.*)$/gm;
  for (const m of text.matchAll(rx)) {
    if (m[3] !== undefined) section = m[3];
    else out.push({ markdown: m[1].replace(/→/g, '\t'), section, number: ++number });
  }
  return out;
}

const examples = specExamples();
const FM = '---\nsession: 1\ndate: 2024-01-01\nperiod: 2024\ntitle: T\n---\n';
const MARK = '[[x]] 42%';

function walk(node: Nodes, f: (n: Nodes) => void): void {
  const stack: Nodes[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    f(n);
    if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
  }
}

/** Offsets [start, end) of code spans, code blocks and HTML (block and inline) in a tree. */
function codeSpans(tree: Root): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  walk(tree, (n) => {
    if ((n.type === 'code' || n.type === 'inlineCode' || n.type === 'html') && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
      out.push([n.position.start.offset, n.position.end.offset, n.type]);
    }
  });
  return out;
}

/** The example with [[x]] 42% for foo/bar/baz and inside every code span and code block. */
function withMarks(markdown: string): string {
  let text = markdown.replace(/\b(foo|bar|baz)\b/g, MARK);
  const inserts: Array<[number, string]> = [];
  walk(parseMarkdown(text), (n) => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if (s === undefined || e === undefined) return;
    if (n.type === 'inlineCode') {
      let k = s;
      while (text[k] === '`') k++;
      inserts.push([k, `${MARK} `]);
    } else if (n.type === 'code' && n.value !== '') {
      // The end of the first content line: the line after a fence, the first line of indented code.
      const fenced = /^[`~]{3}/.test(text.slice(s).trimStart());
      let k = s;
      if (fenced) {
        while (k < e && text[k] !== '\n') k++;
        k++;
      }
      while (k < e && text[k] !== '\n') k++;
      if (k <= e) inserts.push([k, ` ${MARK}`]);
    }
  });
  for (const [at, ins] of inserts.sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + ins + text.slice(at);
  return text;
}

const md = new MarkdownIt('commonmark').enable('table');

/** How many [[x]] markdown-it sees in prose: text of paragraphs, headings, cells (not images). */
function markdownItReferences(text: string): number {
  let count = 0;
  for (const block of md.parse(text, {})) {
    if (block.type !== 'inline' || !block.children) continue;
    let run = '';
    let inImage = 0;
    for (const t of block.children) {
      if (t.type === 'image') inImage++;
      if (t.type === 'text' && !inImage) run += t.content;
      else run += '\u0000';
    }
    count += run.split('[[x]]').length - 1;
  }
  return count;
}

/** How many [[x]] micromark sees in prose: text of paragraphs, headings, cells (link text included; not code, HTML or image alt text). */
function micromarkReferences(text: string): number {
  let count = 0;
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      let run = '';
      const flat = (n: Nodes): void => {
        if (n.type === 'text') run += n.value;
        else if ('children' in n && n.type !== 'paragraph') for (const c of n.children as Nodes[]) flat(c);
        else run += '\u0000';
      };
      for (const c of node.children as Nodes[]) flat(c);
      count += run.split('[[x]]').length - 1;
      return;
    }
    if ('children' in node) for (const c of node.children as Nodes[]) visit(c);
  };
  visit(micromarkTree(text));
  return count;
}

describe('CommonMark spec examples through the report parser', function () {

  it(`has the spec's examples (${examples.length})`, () => {
    assert.ok(examples.length >= 600, String(examples.length));
  });

  it('parses every example, alone and after a BOM, a front matter and CRLF line ends, without throwing', () => {
    for (const ex of examples) {
      for (const text of [ex.markdown, '\uFEFF' + FM + ex.markdown.replace(/\n/g, '\r\n')]) {
        const doc = parseReport(text, `file:///spec/${ex.number}.report.md`);
        for (const p of doc.problems) assert.ok(!/could not be/.test(p.message.en), `example ${ex.number}: ${p.message.en}`);
      }
    }
  });

  it('never reads a reference or a figure inside code or HTML', () => {
    let marksInCode = 0;
    for (const ex of examples) {
      const text = withMarks(ex.markdown);
      const doc = parseReport(text, `file:///spec/${ex.number}.report.md`);
      const code = codeSpans(parseMarkdown(text));
      for (const [a, b, type] of code) {
        marksInCode += text.slice(a, b).split('[[x]]').length - 1;
        for (const r of doc.references) {
          const s = doc.lines.offsetAt(r.range.start);
          const e = doc.lines.offsetAt(r.range.end);
          assert.ok(e <= a || s >= b, `example ${ex.number} (${ex.section}): reference at ${s}-${e} inside ${type} ${a}-${b}\n${JSON.stringify(text)}`);
        }
        for (const f of doc.figures) {
          const s = doc.lines.offsetAt(f.numeralRange.start);
          const e = doc.lines.offsetAt(f.numeralRange.end);
          assert.ok(e <= a || s >= b, `example ${ex.number} (${ex.section}): figure "${f.raw}" inside ${type} ${a}-${b}\n${JSON.stringify(text)}`);
        }
      }
    }
    // The rewriting did put marks in code: the check is not vacuous.
    assert.ok(marksInCode > 150, `only ${marksInCode} marks inside code`);
  });

  it('the chunked parse equals the parse as one piece on every pair of neighbouring examples', () => {
    const model = (t: string, whole: boolean) => {
      const { uri: _u, lines: _l, ...rest } = parseReport(t, 'file:///p.report.md', { whole });
      return rest;
    };
    let pairs = 0;
    for (let i = 0; i + 1 < examples.length; i++) {
      for (const sep of ['\n\n', '\n', '\r\n\r\n']) {
        const text = FM + examples[i].markdown + sep + examples[i + 1].markdown.replace(/foo|bar|baz/g, MARK);
        assert.deepEqual(model(text, false), model(text, true), `examples ${examples[i].number} and ${examples[i + 1].number}`);
        pairs++;
      }
    }
    assert.ok(pairs > 1900);
  });

  const independent: Array<[string, (text: string) => number]> = [
    ['markdown-it', markdownItReferences],
    ['micromark', micromarkReferences],
  ];
  for (const [parser, references] of independent) {
    it(`finds the references ${parser} sees in prose, no more, no fewer`, () => {
      const differ: string[] = [];
      let total = 0;
      for (const ex of examples) {
        // A leading `---` block is front matter in the dialect, a thematic break for a bare parser.
        if (/^---\s*\n/.test(ex.markdown)) continue;
        const text = withMarks(ex.markdown);
        const ours = parseReport(text, `file:///spec/${ex.number}.report.md`).references.filter((r) => r.written === 'x').length;
        const theirs = references(text);
        total += theirs;
        if (ours !== theirs) differ.push(`example ${ex.number} (${ex.section}): ${ours} vs ${parser} ${theirs}: ${JSON.stringify(text)}`);
      }
      assert.ok(total > 500, `only ${total} references in prose`);
      assert.deepEqual(differ, []);
    });
  }
});
