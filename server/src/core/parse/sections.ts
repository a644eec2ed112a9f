/** The outline: sections built from the headings, each running to the next heading of its level or higher. */
import type { Nodes } from 'mdast';
import type { ReportDocument, Section } from './model';

/** A heading, as the outline needs it. */
export interface HeadingInfo {
  depth: number;
  start: number;
  end: number;
  title: string;
}

export function buildSections(headings: HeadingInfo[], doc: ReportDocument): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const docEnd = doc.text.length;
  headings.forEach((h, i) => {
    const off = [h.start, h.end];
    // The section runs to the next heading of the same or a higher level.
    let end = docEnd;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        end = headings[j].start;
        break;
      }
    }
    end = trimTrailingSpace(doc.text, off[0], end);
    // The heading's text as a reader sees it (chunkModel): markup, HTML comments and images left out.
    const title = h.title;
    const section: Section = {
      title: title || '(không tiêu đề)',
      level: h.depth,
      headingRange: doc.lines.range(off[0], off[1]),
      range: doc.lines.range(off[0], end),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.depth) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(section);
    else roots.push(section);
    stack.push(section);
  });
  return roots;
}

/** A heading's text as a reader sees it: markup, HTML comments and images left out. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

function trimTrailingSpace(text: string, min: number, end: number): number {
  while (end > min && /\s/.test(text[end - 1])) end--;
  return end;
}
