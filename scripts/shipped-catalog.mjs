// The default catalog as it ships (out/default-catalog.yaml): the source's text without the
// maintainers' notes, the comment lines inside entries (where an alias's wording was found, which
// test reads it); the conventions at the top, the section rulers ("# ----- Kinh tế số") and every
// key and value stay, so Go to definition opens a catalog a user can read. Comments are found by
// yaml's own lexer (a "#" line inside a block scalar is text and stays), and the result must parse
// to the same data as the source or the build stops.
import { Lexer, parse } from 'yaml';
import { isDeepStrictEqual } from 'node:util';

// The lexer's control tokens (document start, scalar, flow end) are not in the text.
const CONTROL = new Set(['\x02', '\x18', '\x1f']);

/** The source catalog's text without its indented note lines (a section ruler `# -----` kept). */
export function shippedCatalog(text) {
  const drop = new Set();
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) continue;
    if (token.startsWith('#') && !token.startsWith('# -----')) {
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      const before = text.slice(lineStart, offset);
      // A comment alone on an indented line (top-level comments are the file's own documentation).
      if (before.length > 0 && /^[ ]+$/.test(before)) drop.add(lineStart);
    }
    offset += token.length;
  }
  if (offset !== text.length) throw new Error(`shipped catalog: the lexer read ${offset} of ${text.length} characters`);
  const lines = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (!drop.has(at)) lines.push(line);
    at += line.length + 1;
  }
  const shipped = lines.join('\n');
  if (!isDeepStrictEqual(parse(shipped), parse(text))) throw new Error('shipped catalog: the text without its notes reads differently');
  return shipped;
}
