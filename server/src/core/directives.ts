/**
 * Inline disable comments, as markdownlint has them:
 *   <!-- policy-report-disable-next-line RULE [RULE…] -->   the line after the comment
 *   <!-- policy-report-disable-line RULE -->                the comment's own line
 *   <!-- policy-report-disable RULE --> … <!-- policy-report-enable RULE -->
 *   <!-- policy-report-disable-file RULE -->                the whole file
 * Without a rule id they apply to every rule. Rule ids are separated by spaces or commas.
 */
import type { ReportDocument } from './parse/model';
import type { Finding } from './types';

const DIRECTIVE = /^\s*policy-report-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*)$/;

interface Span {
  from: number; // first line (inclusive)
  to: number; // last line (inclusive)
  rules: Set<string> | null; // null: every rule
}

/** A predicate that keeps the findings no directive turns off. */
export function directiveFilter(doc: ReportDocument): (f: Finding) => boolean {
  const spans: Span[] = [];
  const open = new Map<string, number>(); // rule ('*' = all) -> line where disabled
  const last = doc.lines.lineCount - 1;
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const rules = ids.length ? new Set(ids) : null;
    const line = doc.lines.positionAt(c.start).line;
    const endLine = doc.lines.positionAt(c.end).line;
    switch (m[1]) {
      case 'disable-next-line':
        spans.push({ from: endLine + 1, to: endLine + 1, rules });
        break;
      case 'disable-line':
        spans.push({ from: line, to: endLine, rules });
        break;
      case 'disable-file':
        spans.push({ from: 0, to: last, rules });
        break;
      case 'disable':
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, line);
        break;
      case 'enable':
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          spans.push({ from, to: line, rules: id === '*' ? null : new Set([id]) });
          open.delete(id);
        }
        break;
    }
  }
  for (const [id, from] of open) spans.push({ from, to: last, rules: id === '*' ? null : new Set([id]) });
  if (!spans.length) return () => true;
  return (f) => {
    const line = f.range.start.line;
    return !spans.some((s) => line >= s.from && line <= s.to && (s.rules === null || s.rules.has(f.code)));
  };
}
