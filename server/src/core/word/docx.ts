/**
 * The .docx of a report, in the format of Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; Times New Roman 14 pt body; the header block (a two-column
 * table without borders: the issuing body and "Số: …" on the left, the Quốc hiệu and the underlined
 * tiêu ngữ on the right, then the place and date in italics); the document type and its title
 * centred in bold; the body; the recipients ("Nơi nhận:") and the signature block side by side;
 * page numbers at the top centre from page 2.
 * Written with the `docx` package (no hand-made XML). A team's own .docx template is filled by
 * placeholders instead (docx's patchDocument; see TEMPLATE_PLACEHOLDERS). Pure: bytes in, bytes out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  PatchType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  patchDocument,
  type FileChild,
  type IPatch,
} from 'docx';
import { vietnameseDate, type Block, type Run, type WordReport } from './model';
import { customProperties, customXml, type StoredFields } from './properties';
import JSZip from 'jszip';

/** Twips (1/1440 inch) in a millimetre. */
const MM = 1440 / 25.4;
/** A4 and the margins of ND 30/2020 (top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm). */
export const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
export const FONT = 'Times New Roman';
/** Sizes in points: body 14, header lines 13, the Quốc hiệu and the bodies' names 12, recipients 12 and 11. */
const PT = { body: 14, header: 13, quocHieu: 12, recipientsLabel: 12, recipients: 11 };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
/** The heading styles: body font and size, bold, black (Word's defaults are blue and larger). */
const headingStyle = { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 120, after: 120 } } };

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';
export const DEFAULT_RECIPIENTS = ['Như trên;', 'Lưu: VT.'];

/** The placeholders a team template may hold ({{name}}), and what fills each. */
export const TEMPLATE_PLACEHOLDERS: Record<string, string> = {
  issuer_parent: 'cơ quan chủ quản / the parent body (issuer-parent)',
  issuer: 'cơ quan ban hành / the issuing body (issuer, else committee)',
  number: 'số và ký hiệu / number, e.g. 15/BC-BKHCN',
  place_date: 'địa danh, ngày tháng / "Hà Nội, ngày 20 tháng 02 năm 2025"',
  doc_type: 'tên loại văn bản / document type (BÁO CÁO)',
  title: 'trích yếu / the title',
  body: 'the body: headings, paragraphs, tables (a paragraph holding only {{body}})',
  recipients: 'nơi nhận / the recipients, one paragraph each (a paragraph holding only {{recipients}})',
  signer_authority: 'quyền hạn ký / KT. BỘ TRƯỞNG…',
  signer_title: 'chức vụ / THỨ TRƯỞNG…',
  signer_name: 'họ tên người ký / the signer',
};

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

interface Style {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

const run = (text: string, s: Style = {}, breakBefore = false): TextRun =>
  new TextRun({ text, font: FONT, size: (s.size ?? PT.body) * 2, bold: s.bold, italics: s.italic, underline: s.underline ? {} : undefined, break: breakBefore ? 1 : undefined });

const centred = (text: string, s: Style = {}, after = 0): Paragraph => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after }, children: [run(text, s)] });

const runsOf = (runs: Run[], s: Style = {}): TextRun[] => runs.map((r) => run(r.text, { ...s, bold: s.bold || r.bold, italic: s.italic || r.italic }, r.breakBefore));

/** The fields as the document shows them (placeholders "…" where the front matter gives none). */
export function headerTexts(report: WordReport, committee?: string): Record<string, string> {
  const f = report.fields;
  return {
    issuer_parent: (f.issuerParent ?? '').toUpperCase(),
    issuer: (f.issuer ?? committee ?? '…').toUpperCase(),
    number: f.number ?? '     /BC-…',
    place_date: `${f.place ?? 'Hà Nội'}, ${vietnameseDate(report.date)}`,
    doc_type: (f.docType ?? 'BÁO CÁO').toUpperCase(),
    title: report.title,
    signer_authority: (f.signer?.authority ?? '').toUpperCase(),
    signer_title: (f.signer?.title ?? '').toUpperCase(),
    signer_name: f.signer?.name ?? '',
  };
}

function headerBlock(h: Record<string, string>): Table {
  const left: Paragraph[] = [];
  // The bodies' names at 12 pt (ND 30/2020 allows 12–13): a ministry's name fits its column.
  if (h.issuer_parent) left.push(centred(h.issuer_parent, { size: PT.quocHieu }));
  left.push(centred(h.issuer, { size: PT.quocHieu, bold: true }, 120));
  left.push(centred(`Số: ${h.number}`, { size: PT.header }));
  const right = [centred(QUOC_HIEU, { size: PT.quocHieu, bold: true }), centred(TIEU_NGU, { size: PT.body, bold: true, underline: true }, 240), centred(h.place_date, { size: PT.body, italic: true })];
  const leftWidth = Math.round(TEXT_WIDTH * 0.38);
  return new Table({
    rows: [new TableRow({ children: [new TableCell({ children: left, width: { size: leftWidth, type: WidthType.DXA } }), new TableCell({ children: right, width: { size: TEXT_WIDTH - leftWidth, type: WidthType.DXA } })] })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [leftWidth, TEXT_WIDTH - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** The body blocks as the .docx's paragraphs and tables. */
export function bodyChildren(blocks: Block[]): FileChild[] {
  const out: FileChild[] = [];
  for (const b of blocks) {
    if (b.kind === 'heading') {
      // Word's own heading styles (the navigation pane, a table of contents, and mammoth reads them back as headings).
      out.push(new Paragraph({ heading: HEADINGS[Math.min(b.level, 6) - 1], keepNext: true, spacing: { before: 120, after: 120 }, indent: { firstLine: Math.round(10 * MM) }, alignment: AlignmentType.JUSTIFIED, children: runsOf(b.runs, { bold: true, italic: b.level >= 4 }) }));
    } else if (b.kind === 'paragraph') {
      const children = b.marker ? [run(b.marker), ...runsOf(b.runs)] : runsOf(b.runs, { italic: b.quote });
      out.push(
        new Paragraph({
          alignment: b.code ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
          spacing: { before: 0, after: 120, line: 276 },
          indent: b.marker ? { left: Math.round(10 * MM * (b.indent - 1)), firstLine: Math.round(10 * MM) } : { firstLine: b.code ? 0 : Math.round(10 * MM), left: b.quote ? Math.round(10 * MM) : 0 },
          children: b.code ? [new TextRun({ text: b.runs.map((r) => r.text).join(''), font: 'Courier New', size: 22 })] : children,
        }),
      );
    } else out.push(...dataTable(b));
  }
  return out;
}

function dataTable(b: Extract<Block, { kind: 'table' }>): FileChild[] {
  const columns = Math.max(1, ...b.rows.map((r) => r.length));
  const width = Math.floor(TEXT_WIDTH / columns);
  const alignment = (i: number) => (b.align[i] === 'right' ? AlignmentType.RIGHT : b.align[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const rows = b.rows.map(
    (cells, r) =>
      new TableRow({
        tableHeader: r === 0,
        children: Array.from({ length: columns }, (_, i) => new TableCell({ verticalAlign: VerticalAlign.CENTER, width: { size: width, type: WidthType.DXA }, children: [new Paragraph({ alignment: r === 0 ? AlignmentType.CENTER : alignment(i), children: runsOf(cells[i] ?? [], { size: PT.header, bold: r === 0 }) })] })),
      }),
  );
  // An empty paragraph after the table keeps the next paragraph from joining it in Word.
  return [new Table({ rows, width: { size: width * columns, type: WidthType.DXA }, columnWidths: Array.from({ length: columns }, () => width), layout: TableLayoutType.FIXED }), new Paragraph({ children: [] })];
}

function recipientsParagraphs(recipients: string[]): Paragraph[] {
  return [new Paragraph({ children: [run('Nơi nhận:', { size: PT.recipientsLabel, bold: true, italic: true })] }), ...recipients.map((r) => new Paragraph({ children: [run(`- ${r}`, { size: PT.recipients })] }))];
}

function signerParagraphs(h: Record<string, string>): Paragraph[] {
  const out: Paragraph[] = [];
  if (h.signer_authority) out.push(centred(h.signer_authority, { bold: true }));
  out.push(centred(h.signer_title || '…', { bold: true }, 1440));
  out.push(centred(h.signer_name || '…', { bold: true }));
  return out;
}

function closingBlock(h: Record<string, string>, recipients: string[]): Table {
  const half = Math.round(TEXT_WIDTH / 2);
  return new Table({
    rows: [new TableRow({ children: [new TableCell({ children: recipientsParagraphs(recipients), width: { size: half, type: WidthType.DXA } }), new TableCell({ children: signerParagraphs(h), width: { size: TEXT_WIDTH - half, type: WidthType.DXA } })] })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [half, TEXT_WIDTH - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
  });
}

/** The .docx of a report, built on the ND 30/2020 layout. `committee` stands in for a missing `issuer`. */
export async function renderDocx(report: WordReport, committee?: string): Promise<Uint8Array> {
  const h = headerTexts(report, committee);
  const doc = new Document({
    creator: 'policy-report',
    title: report.title,
    // The session, date and period, read back by the import (properties.ts).
    customProperties: customProperties(report.stored),
    styles: { default: { document: { run: { font: FONT, size: PT.body * 2 } }, heading1: headingStyle, heading2: headingStyle, heading3: headingStyle, heading4: headingStyle, heading5: headingStyle, heading6: headingStyle } },
    sections: [
      {
        // Page numbers centred at the top from page 2 (ND 30/2020, Phụ lục I); none on the first page.
        properties: { titlePage: true, page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right } } },
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.body * 2 })] })] }),
          first: new Header({ children: [] }),
        },
        children: [
          headerBlock(h),
          new Paragraph({ spacing: { before: 240, after: 0 }, alignment: AlignmentType.CENTER, children: [run(h.doc_type, { bold: true })] }),
          centred(report.title, { bold: true }, 240),
          ...bodyChildren(report.blocks),
          closingBlock(h, report.fields.recipients ?? DEFAULT_RECIPIENTS),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * The report poured into a team's own .docx template: each {{placeholder}} of TEMPLATE_PLACEHOLDERS
 * the template holds is replaced (text in the template's own style; {{body}} and {{recipients}} by
 * whole paragraphs and tables). Rejects a file that is not a .docx (docx's error).
 */
export async function fillTemplate(template: Uint8Array, report: WordReport, committee?: string): Promise<Uint8Array> {
  const h = headerTexts(report, committee);
  const text = (value: string): IPatch => ({ type: PatchType.PARAGRAPH, children: [new TextRun(value)] });
  const patches: Record<string, IPatch> = {};
  for (const [key, value] of Object.entries(h)) patches[key] = text(value);
  patches.body = { type: PatchType.DOCUMENT, children: bodyChildren(report.blocks) };
  patches.recipients = { type: PatchType.DOCUMENT, children: recipientsParagraphs(report.fields.recipients ?? DEFAULT_RECIPIENTS) };
  const filled = await patchDocument({ outputType: 'uint8array', data: template, patches, keepOriginalStyles: true });
  return withStoredFields(filled, report.stored);
}

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';

/**
 * The session, date and period stored in a filled template as in a generated report (properties.ts),
 * so that it too imports back with no `--session`: the custom part written, its content type and
 * the package relationship added when the template had none.
 */
async function withStoredFields(bytes: Uint8Array, stored: StoredFields): Promise<Uint8Array> {
  if (!customProperties(stored).length) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  const existing = await zip.file(CUSTOM_PART)?.async('string');
  zip.file(CUSTOM_PART, customXml(existing, stored));
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (types && !/PartName\s*=\s*"\/docProps\/custom\.xml"/.test(types)) {
    zip.file('[Content_Types].xml', types.replace(/<\/Types>\s*$/, `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
  const rels = await zip.file('_rels/.rels')?.async('string');
  if (rels && !rels.includes(CUSTOM_REL)) {
    let n = 1;
    while (rels.includes(`Id="rId${n}"`)) n++;
    zip.file('_rels/.rels', rels.replace(/<\/Relationships>\s*$/, `<Relationship Id="rId${n}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
