/**
 * The .docx of a report, for both shells (the CLI's `export --format docx`, the editor's Export to
 * Word): the ND 30/2020 layout (core/word/docx.ts), or the team's `.policy-report/template.docx`
 * filled by placeholders when the workspace has one (read by the guarded reader, inside the workspace).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport } from '../core/parse/document';
import { buildWordReport, type Block } from '../core/word/model';
import { ooxmlBlocks, partPaths } from '../core/word/ooxml-read';
import { readStoredFields, type StoredFields } from '../core/word/properties';
import JSZip from 'jszip';
import { fillTemplate, renderDocx } from '../core/word/docx';
import { readBytesFile } from './read';
import { checkDocxZip } from './zip';
import { msg, type Msg } from '../core/i18n';

/** A .docx refused before it is unzipped (io/zip.ts): why, in both languages. */
export class DocxRefused extends Error {
  constructor(readonly why: Msg) {
    super(why.en);
  }
}

/** Where a team keeps its own .docx template, in the workspace's `.policy-report/`. */
export const TEMPLATE_FILE = '.policy-report/template.docx';
/** The largest .docx read (a template, or a report to import): Word files with pictures are large. */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

/**
 * The .docx of a report's text. `file` is the report's path; `root` its workspace folder, where
 * the team's template is looked for (read only inside it). Throws with a clear message when
 * the team template exists but cannot be read or filled.
 */
export async function reportToDocx(text: string, file: string, root: string): Promise<{ bytes: Uint8Array; template?: string }> {
  const doc = parseReport(text, pathToFileURL(file).toString());
  const report = buildWordReport(doc);
  const committee = doc.frontMatter?.data.committee;
  const template = path.join(root, TEMPLATE_FILE);
  const read = await readBytesFile(template, { maxBytes: MAX_DOCX_BYTES, within: [root] });
  if ('bytes' in read) {
    const refused = await checkDocxZip(read.bytes);
    if (refused) throw new DocxRefused({ vi: `${TEMPLATE_FILE}: mẫu .docx không dùng được: ${refused.vi}`, en: `${TEMPLATE_FILE}: not a usable .docx template: ${refused.en}` });
    try {
      return { bytes: await fillTemplate(read.bytes, report, typeof committee === 'string' ? committee : undefined), template };
    } catch (e) {
      // core/word/ooxml-template.ts's TemplateError says why in both languages.
      const why = (e as { why?: Msg }).why;
      if (why) throw new DocxRefused({ vi: `${TEMPLATE_FILE}: mẫu .docx không dùng được: ${why.vi}`, en: `${TEMPLATE_FILE}: not a usable .docx template: ${why.en}` });
      throw new Error(`${TEMPLATE_FILE}: not a usable .docx template (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  if (!read.missing) throw new Error(`cannot read ${TEMPLATE_FILE}: ${read.reason}`);
  return { bytes: await renderDocx(report, typeof committee === 'string' ? committee : undefined) };
}


/**
 * The blocks of a .docx (core/word/ooxml-read.ts), what of it was not read, and the fields an export
 * stored. Rejects (DocxRefused) what io/zip.ts refuses, before anything is unzipped, and a .docx whose
 * document part is not XML or has no body.
 */
export async function docxBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; warnings: string[]; stored: StoredFields }> {
  const refused = await checkDocxZip(bytes);
  if (refused) throw new DocxRefused(refused);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string | undefined> => zip.file(name)?.async('string');
  const rels = await part('word/_rels/document.xml.rels');
  const paths = partPaths(rels);
  const read = ooxmlBlocks({
    document: (await part('word/document.xml')) ?? '',
    styles: await part(paths.styles),
    numbering: await part(paths.numbering),
    footnotes: await part(paths.footnotes),
    endnotes: await part(paths.endnotes),
    rels,
    has: (entry) => zip.file(entry) !== null,
  });
  if (!read) throw new DocxRefused(msg('không phải tệp Word .docx (word/document.xml không đọc được hoặc không có nội dung)', 'not a Word .docx document (word/document.xml is unreadable or has no body)'));
  // The session, date and period an export stored (core/word/properties.ts).
  const custom = await part('docProps/custom.xml');
  return { blocks: read.blocks, warnings: read.warnings, stored: custom ? readStoredFields(custom) : {} };
}
