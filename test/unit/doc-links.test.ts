/**
 * The links between the docs: every relative link to a Markdown file names a file that exists, and
 * every `#anchor` one of its headings (as GitHub and VS Code's preview make them: lower case, no
 * punctuation but `-` and `_`, a space a `-`), so that folding or renumbering a section cannot leave a
 * link behind. The docs the .vsix carries (.vscodeignore) link only to one another: a user reads
 * them offline, from a finding's rule page.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const docs = path.join(repoRoot, 'docs');
const files = [
  path.join(repoRoot, 'README.md'),
  ...readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => path.join(docs, f)),
  ...readdirSync(path.join(docs, 'rules')).filter((f) => f.endsWith('.md')).map((f) => path.join(docs, 'rules', f)),
];

/** A text without its fenced code blocks (their `#` lines are no headings, their brackets no links). */
const prose = (text: string): string => text.replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');

/** A heading's anchor, as GitHub and VS Code make it. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = new Map<string, Set<string>>();
function anchors(file: string): Set<string> {
  let set = anchorsOf.get(file);
  if (!set) {
    set = new Set([...prose(readFileSync(file, 'utf8')).matchAll(/^#{1,6} +(.*?)#*\s*$/gm)].map((m) => slug(m[1])));
    anchorsOf.set(file, set);
  }
  return set;
}

/** The relative links of a file to Markdown files or to its own headings: [target file, anchor]. */
function links(file: string): Array<{ target: string; anchor?: string; written: string }> {
  const out: Array<{ target: string; anchor?: string; written: string }> = [];
  for (const m of prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s#]*)(?:#([^)\s]+))?(?:\s+"[^"]*")?\)/g)) {
    const [written, to, anchor] = m;
    if (/^[a-z][a-z0-9+.-]*:/i.test(to)) continue;
    if (to && !to.endsWith('.md')) continue;
    out.push({ target: to ? path.resolve(path.dirname(file), to) : file, anchor: anchor && decodeURIComponent(anchor), written });
  }
  return out;
}

/** What the .vsix carries of docs/ (the .vscodeignore's `!docs/…` lines; `!(README)` as vsce's minimatch reads it). */
function shipped(): (file: string) => boolean {
  const patterns = readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('!docs/'))
    .map((l) => l.slice(1));
  const res = patterns.map((p) => new RegExp(`^${p.replace(/\./g, '\\.').replace(/!\(([^)]*)\)/g, '(?!(?:$1)\\.)[^/]*').replace(/\*\*/g, '.*')}$`));
  return (file) => res.some((re) => re.test(path.relative(repoRoot, file).split(path.sep).join('/')));
}

describe('links between the docs', () => {
  it('name files that exist and headings they have', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const l of links(file)) {
        const where = `${path.relative(repoRoot, file)}: ${l.written}`;
        if (!existsSync(l.target)) bad.push(`${where} (no such file)`);
        else if (l.anchor && !anchors(l.target).has(l.anchor)) bad.push(`${where} (no such heading)`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('from the docs the .vsix carries, go only to docs it carries', () => {
    const isShipped = shipped();
    const carried = files.filter(isShipped);
    assert.ok(carried.some((f) => f.endsWith('dialect.md')) && carried.some((f) => f.endsWith(path.join('rules', 'figure-conflict.md'))), carried.join(', '));
    assert.ok(!carried.some((f) => f.endsWith(path.join('rules', 'README.md'))));
    // catalog.md's link to the generated table of default indicators (catalog-defaults.md, left out
    // of the .vsix: the data ships as out/default-catalog.yaml) is the one known exception.
    const known = new Set(['docs/catalog.md -> catalog-defaults.md']);
    const bad = carried.flatMap((file) =>
      links(file)
        .filter((l) => !isShipped(l.target))
        .map((l) => `${path.relative(repoRoot, file)} -> ${path.relative(path.dirname(file), l.target)}`)
        .filter((s) => !known.has(s)),
    );
    assert.deepEqual(bad, []);
  });
});
