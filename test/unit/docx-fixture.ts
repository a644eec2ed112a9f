/**
 * Word documents for tests, made from WordprocessingML as Word saves it (the parts' XML written out
 * as text, as in a saved file), so that a template or a document to import does not come from the
 * writer under test (core/word/docx.ts) nor from a library the product no longer ships.
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface FixtureRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break before the text. */
  br?: boolean;
}

/** A w:r with its text (and a w:br before it, when asked). */
export function runXml(r: FixtureRun | string): string {
  const run = typeof r === 'string' ? { text: r } : r;
  const props = (run.bold ? '<w:b/>' : '') + (run.italic ? '<w:i/>' : '');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${run.br ? '<w:br/>' : ''}<w:t xml:space="preserve">${esc(run.text)}</w:t></w:r>`;
}

/** A w:p of runs (a string: one run), centred when asked. */
export function paraXml(runs: string | Array<FixtureRun | string>, opts: { center?: boolean } = {}): string {
  const list = typeof runs === 'string' ? [runs] : runs;
  return `<w:p>${opts.center ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}${list.map(runXml).join('')}</w:p>`;
}

/**
 * A .docx whose body is `body` (w:p and w:tbl elements as XML text): [Content_Types].xml, the package
 * and document relationships, a styles part, `headers` as header parts (their content as XML text),
 * and `custom` as docProps/custom.xml when given. `parts` adds or replaces parts as they are.
 */
export async function docxPackage(body: string, opts: { headers?: string[]; custom?: string; parts?: Record<string, string> } = {}): Promise<Uint8Array> {
  const headers = opts.headers ?? [];
  const zip = new JSZip();
  const overrides = [
    ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
    ['/word/styles.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml'],
    ...headers.map((_, i) => [`/word/header${i + 1}.xml`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml']),
    ...(opts.custom ? [['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml']] : []),
  ];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`,
  );
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', `${R}/officeDocument`, 'word/document.xml')}${opts.custom ? rel('rId2', `${R}/custom-properties`, 'docProps/custom.xml') : ''}</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', `${R}/styles`, 'styles.xml')}${headers.map((_, i) => rel(`rId${i + 2}`, `${R}/header`, `header${i + 1}.xml`)).join('')}</Relationships>`,
  );
  const refs = headers.map((_, i) => `<w:headerReference w:type="${i === 0 ? 'default' : 'first'}" r:id="rId${i + 2}"/>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr>${refs}<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
  );
  headers.forEach((h, i) => zip.file(`word/header${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="${W}" xmlns:r="${R}">${h}</w:hdr>`));
  if (opts.custom) zip.file('docProps/custom.xml', opts.custom);
  for (const [name, text] of Object.entries(opts.parts ?? {})) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A .docx of paragraphs, one run each. */
export const paragraphsDocx = (texts: string[]): Promise<Uint8Array> => docxPackage(texts.map((t) => paraXml(t)).join(''));
