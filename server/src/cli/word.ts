/**
 * Word in and out for the CLI: `export FILE --format docx` (core/word/docx.ts: the ND 30/2020 layout,
 * or the team's `.policy-report/template.docx` filled by placeholders) and `import FILE.docx|DIR`
 * (core/word/import.ts: mammoth's HTML read into a dialect report, indicators marked by the markup
 * detector). Files are read by the guarded reader and written by io/write.ts only.
 */
import * as path from 'node:path';
import { parseReport } from '../core/parse/document';
import { buildWordReport } from '../core/word/model';
import { fillTemplate, renderDocx } from '../core/word/docx';
import { readBytesFile } from '../io/read';
import { writeFileAtomic } from '../io/write';
import { toUri, workspaceRoot } from './files';

/** Where a team keeps its own .docx template, in the workspace's `.policy-report/`. */
export const TEMPLATE_FILE = '.policy-report/template.docx';
/** The largest .docx read (a template, or a report to import): Word files with pictures are large. */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

/**
 * The .docx of a report's text. `file` is the report's path (for its workspace's template), or
 * undefined for standard input (the working folder's workspace). Throws with a clear message when
 * the team template exists but cannot be read or filled.
 */
export async function reportToDocx(text: string, file: string | undefined): Promise<{ bytes: Uint8Array; template?: string }> {
  const abs = path.resolve(file ?? 'stdin.report.md');
  const doc = parseReport(text, toUri(abs));
  const report = buildWordReport(doc);
  const committee = doc.frontMatter?.data.committee;
  const root = workspaceRoot(abs);
  const template = path.join(root, TEMPLATE_FILE);
  const read = await readBytesFile(template, { maxBytes: MAX_DOCX_BYTES, within: [root] });
  if ('bytes' in read) {
    try {
      return { bytes: await fillTemplate(read.bytes, report, typeof committee === 'string' ? committee : undefined), template };
    } catch (e) {
      throw new Error(`${TEMPLATE_FILE}: not a usable .docx template (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!read.missing) throw new Error(`cannot read ${TEMPLATE_FILE}: ${read.reason}`);
  return { bytes: await renderDocx(report, typeof committee === 'string' ? committee : undefined) };
}

/** `export FILE --format docx`: the target (default FILE with .docx for .report.md), written atomically. */
export async function exportDocx(text: string, file: string | undefined, out: string | undefined, force: boolean): Promise<string> {
  const target = out ?? (file ? file.replace(/(\.report)?\.md$/i, '') + '.docx' : undefined);
  if (!target || target === '-') throw new Error('export --format docx writes a file: give --out FILE.docx');
  const { bytes } = await reportToDocx(text, file);
  await writeFileAtomic(target, bytes, { force, inputs: file ? [file] : [] });
  return target;
}
