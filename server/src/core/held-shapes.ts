/**
 * The constructors whose objects the reading makes per report (and their prototypes), held on the
 * stack through each full collection (lsp/collect.ts collectGarbage passes them to `gc`), so that
 * V8 keeps their objects' maps and the optimized code that embeds those maps.
 *
 * Why (measured, docs/performance.md §3.7): optimized code holds the maps it was specialised on
 * weakly; at a full collection between two reports no object of the report's classes is alive, and
 * V8's map retention (--retain-maps-for-n-gc) keeps a dead map only if its constructor and
 * prototype are already marked when it runs, i.e. right after the roots (the stack, handles), before
 * anything reachable from them. A constructor reachable only through the module graph is not yet
 * marked then: the map dies, and every function whose code embedded it is deoptimized ("weak
 * objects") and compiled again on the next report. Passed as `gc`'s arguments, the constructors and
 * prototypes are stack roots: the maps are kept, and the code with them.
 */
import Token from 'markdown-it/lib/token.mjs';
import StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { Composer, Document, Lexer, Pair, Parser, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Constructor = Function;

/** Each held constructor and its prototype (object and array literals: Object's and Array's). */
export const heldShapes: object[] = [];

/** Holds these constructors (classes whose objects a report's reading makes) through full collections. */
export function holdShapes(...constructors: Constructor[]): void {
  for (const c of constructors) if (!heldShapes.includes(c)) heldShapes.push(c, c.prototype as object);
}

// (the YAML front matter's parse: yaml's lexer, parser, composer and nodes)
holdShapes(Object, Array, Token, StateBlock, StateInline, StateCore, Lexer, Parser, Composer, Document, Pair, Scalar, YAMLMap, YAMLSeq);
// (and, made per parse too, its schema and directives: yaml exports no Directives, a composer has one;
// node's URL, a report's uri read back to a path)
holdShapes(Schema, (new Composer() as unknown as { directives: object }).directives.constructor, URL);
