/**
 * Export: the report as plain Markdown, without the dialect's marks, for Word/PDF pipelines
 * (pandoc and the like). `[[name]]` and `[[name @ CODE]]` become `name`; every other byte stays.
 */
import type { ReportDocument } from './parse/model';

export function exportPlain(doc: ReportDocument): string {
  const spans = doc.references
    .map((r) => ({ start: doc.lines.offsetAt(r.range.start), end: doc.lines.offsetAt(r.range.end), name: doc.text.slice(doc.lines.offsetAt(r.nameRange.start), doc.lines.offsetAt(r.nameRange.end)) }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += doc.text.slice(at, s.start) + s.name;
    at = s.end;
  }
  return out + doc.text.slice(at);
}
