/**
 * The (indicator id, figure) pairs a markup mode marks in a body under a "period: 2022" front matter
 * and a "DTI 2022" heading, read back as the checker reads them (markup-subindex, markup-name-lists).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';

const catalog = new Catalog(loadDefaultCatalog());
const doc = (body: string) => `---\nperiod: 2022\n---\n\n# DTI 2022\n\n${body}\n`;

/** The (indicator id, figure) pairs `mode` marks in `body`, read back as the checker reads them (a leading "đạt"/"được" dropped). */
export function marked(body: string, mode: MarkMode): Array<[string, string]> {
  const text = doc(body);
  const { mentions } = detectMentions(text, catalog, { mode });
  const a = analyze(parseReport(markText(text, mentions, mode), 'file:///t.report.md'), catalog);
  return a.refs.filter((r) => r.indicator && r.ref.figure).map((r): [string, string] => [r.indicator!.id, r.ref.figure!.raw.replace(/^đạt |^được /u, '')]);
}
