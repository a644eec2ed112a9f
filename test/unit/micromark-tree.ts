/**
 * The report's Markdown tree as the parser before markdown-it read it: micromark with GFM tables and
 * YAML front matter (mdast-util-from-markdown), the offsets of a text that starts with a BOM put
 * right, an unclosed front matter's opening `---` read as the thematic break it is. Kept for the
 * equivalence test (parser-equivalence.test.ts) and the bench's parser comparison only: the
 * extension no longer ships micromark.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import { frontMatterAt } from '../../server/src/core/parse/markdown';

export function micromarkTree(text: string): Root {
  const tree = fromMarkdown(unclosedFrontMatterAsBreak(text), {
    extensions: [frontmatter(['yaml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  });
  if (text.charCodeAt(0) === 0xfeff) {
    const stack: Nodes[] = [tree];
    while (stack.length) {
      const node = stack.pop()!;
      const p = node.position;
      if (p) {
        for (const point of [p.start, p.end]) {
          if (point.offset !== undefined) point.offset += 1;
          if (point.line === 1) point.column += 1;
        }
      }
      if ('children' in node) for (const c of node.children as Nodes[]) stack.push(c);
    }
  }
  return tree;
}

/**
 * The text with the opening `---` of an unclosed front matter made `***` (same length): CommonMark
 * reads that line as a thematic break either way, but micromark's front matter extension, after
 * failing to find the closing line, reads the rest of the text wrongly (tables and lists as one
 * paragraph), and differently from the same text cut into chunks (chunks.ts).
 */
function unclosedFrontMatterAsBreak(text: string): string {
  const fm = frontMatterAt(text);
  if (!fm || fm.end >= 0) return text;
  return text.slice(0, fm.open) + '***' + text.slice(fm.open + 3);
}
