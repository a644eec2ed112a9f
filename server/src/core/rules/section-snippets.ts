/**
 * The built-in section snippets (the extension's snippets/policy-report.json, which the build embeds
 * as the module `policy-report:section-snippets`; see builtin.d.ts), as plain text for quick fixes.
 */
import snippets from 'policy-report:section-snippets';
import { fold } from '../text';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/** Snippet syntax → plain text: ${1:text} → text, ${1|a,b|} → a, $1/$0 → '', variables → ''. */
export function snippetToText(body: string): string {
  let out = body;
  // Innermost first, until nothing changes: placeholders may nest.
  for (let i = 0; i < 10; i++) {
    const next = out
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, '$1')
      .replace(/\$\{[A-Z_]+(?::([^${}]*))?\}/g, (_m, d: string | undefined) => d ?? '')
      .replace(/\$\{\d+\}/g, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(/\$\d+/g, '').replace(/\$[A-Z_]+/g, '').replace(/\\\$/g, '$');
}

/** The plain text of the built-in snippet for a standard section, or a bare heading. */
export function sectionText(title: string): string {
  const defs: Record<string, SnippetDef> = snippets;
  const key = Object.keys(defs).find((k) => fold(k) === fold(title));
  if (!key) return `## ${title}\n\n`;
  const body = Array.isArray(defs[key].body) ? (defs[key].body as string[]).join('\n') : (defs[key].body as string);
  const text = snippetToText(body).replace(/\s+$/, '');
  return `${text}\n\n`;
}
