/**
 * A team's own .docx template filled with a report: every {{name}} placeholder in the main document
 * and its headers and footers replaced by its text, in the style of the run it starts in, also when
 * Word split it over several runs (w:r/w:t: what Word does when a user types "{{issuer}}", with
 * proofing marks or a change of formatting in between); a paragraph holding only a block
 * placeholder ({{body}}, {{recipients}}) replaced by whole paragraphs and tables. The parts are read
 * and written through an XML DOM (@xmldom/xmldom), strictly: a template is untrusted input, and one
 * that cannot be filled whole is a TemplateError (in both languages), never a partial document.
 * The heading styles the body uses are added to the template's styles part when it lacks them.
 * The caller (io/word.ts) has checked the zip's sizes first (io/zip.ts). Pure.
 */
import JSZip from 'jszip';
import { msg, type Msg } from '../i18n';
import { customProperties, customXml, type StoredFields } from './properties';
import { CONTENT_TYPE, NS, Part, PartError, REL, childElements, elements, parsePart, serialize, withContentType, withRelationship, xmlText } from './ooxml-write';

/** Why a template cannot be filled, in both languages. */
export class TemplateError extends Error {
  constructor(readonly why: Msg) {
    super(why.en);
  }
}

export interface TemplatePatches {
  /** The text of each {{name}}. */
  text: Record<string, string>;
  /** The paragraphs and tables of each block placeholder, made in the part's document. */
  blocks: Record<string, (x: Part) => Element[]>;
  /** Styles the blocks refer to, added to the template's styles part when it has none of that w:styleId. */
  styles?: (x: Part) => Element[];
  /** Block placeholders the main document must hold (the body: without it the report would be lost). */
  required: string[];
  /** The session, date and period, stored in docProps/custom.xml (properties.ts). */
  stored: StoredFields;
}

/** {{name}}, with spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const MAIN_DEFAULT = 'word/document.xml';
const HEADER_FOOTER = /\/relationships\/(header|footer)$/;

/** A part path relative to the folder of `from` ("word/document.xml" + "header1.xml" = "word/header1.xml"); null when it leaves the package. */
export function resolveTarget(from: string, target: string): string | null {
  const base = target.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const seg of target.replace(/^\/+/, '').split('/')) {
    if (seg === '..') {
      if (!base.length) return null;
      base.pop();
    } else if (seg && seg !== '.') base.push(seg);
  }
  return base.length ? base.join('/') : null;
}

/** The relationships of a part (its _rels/NAME.rels), internal ones only, as [type, resolved target]. */
async function relsOf(zip: JSZip, part: string): Promise<Array<[string, string]>> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const text = await zip.file(relsPath)?.async('string');
  if (text === undefined) return [];
  const out: Array<[string, string]> = [];
  for (const r of elements(parsePart(text, relsPath), NS.rel, 'Relationship')) {
    if (r.getAttribute('TargetMode') === 'External') continue;
    const target = resolveTarget(part === '' ? '_' : part, r.getAttribute('Target') ?? '');
    if (target) out.push([r.getAttribute('Type') ?? '', target]);
  }
  return out;
}

const bad = (vi: string, en: string): never => {
  throw new TemplateError(msg(vi, en));
};

/** The w:t elements of a paragraph, in order (not those of a paragraph nested in it, as in a text box). */
function textsOf(p: Element): Element[] {
  return elements(p, NS.w, 't').filter((t) => {
    let a = t.parentNode;
    while (a && !(a.nodeType === 1 && (a as Element).namespaceURI === NS.w && (a as Element).localName === 'p')) a = a.parentNode;
    return a === p;
  });
}

function setText(t: Element, text: string): void {
  while (t.firstChild) t.removeChild(t.firstChild);
  if (text) t.appendChild(t.ownerDocument!.createTextNode(xmlText(text)));
  t.setAttributeNS(NS.xml, 'xml:space', 'preserve');
}

/**
 * Fills one part's paragraphs; returns the block placeholders it replaced. A block placeholder that
 * shares its paragraph with other text is an error (its paragraphs have nowhere to go); a {{name}}
 * that is not ours is left as written.
 */
function fillPart(doc: Document, part: string, patches: TemplatePatches): Set<string> {
  const x = new Part(doc);
  const replaced = new Set<string>();
  for (const p of elements(doc, NS.w, 'p')) {
    if (!p.parentNode) continue;
    const ts = textsOf(p);
    const texts = ts.map((t) => t.textContent ?? '');
    const full = texts.join('');
    if (!full.includes('{{')) continue;
    const alone = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/.exec(full);
    if (alone && patches.blocks[alone[1]]) {
      const blocks = patches.blocks[alone[1]](x);
      const parent = p.parentNode;
      for (const b of blocks) parent.insertBefore(b, p);
      // A table cell must end with a paragraph: an empty one after a closing table.
      if (parent.nodeType === 1 && (parent as Element).localName === 'tc' && blocks.length && blocks[blocks.length - 1].localName !== 'p') parent.insertBefore(x.el('w:p'), p);
      parent.removeChild(p);
      replaced.add(alone[1]);
      continue;
    }
    const matches = [...full.matchAll(PLACEHOLDER)];
    for (const m of matches) {
      if (patches.blocks[m[1]]) bad(`${part}: {{${m[1]}}} phải đứng riêng một đoạn`, `${part}: {{${m[1]}}} must stand alone in its paragraph`);
    }
    // From the last match back, so that the offsets of earlier ones hold.
    const starts: number[] = [];
    let at = 0;
    for (const t of texts) {
      starts.push(at);
      at += t.length;
    }
    const nodeAt = (offset: number) => {
      let i = 0;
      while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
      return i;
    };
    for (const m of matches.reverse()) {
      const value = patches.text[m[1]];
      if (value === undefined) continue; // not ours: left as written
      const s = m.index!;
      const e = s + m[0].length;
      const i = nodeAt(s);
      const j = nodeAt(e - 1);
      const first = ts[i].textContent ?? '';
      if (i === j) {
        setText(ts[i], first.slice(0, s - starts[i]) + value + first.slice(e - starts[i]));
        continue;
      }
      setText(ts[i], first.slice(0, s - starts[i]) + value);
      for (let k = i + 1; k < j; k++) setText(ts[k], '');
      setText(ts[j], (ts[j].textContent ?? '').slice(e - starts[j]));
    }
  }
  return replaced;
}

/** A styles part with each of `styles` whose w:styleId it lacks (a team's own definition wins). */
function withStyles(doc: Document, styles: (x: Part) => Element[]): string {
  const root = doc.documentElement;
  const have = new Set(elements(doc, NS.w, 'style').map((s) => s.getAttributeNS(NS.w, 'styleId')));
  for (const s of styles(new Part(doc))) if (!have.has(s.getAttributeNS(NS.w, 'styleId'))) root.appendChild(s);
  return serialize(doc);
}

/** The stored fields written into the package: docProps/custom.xml, its content type and the package relationship. */
async function storeFields(zip: JSZip, stored: StoredFields): Promise<void> {
  if (!customProperties(stored).length) return;
  const part = 'docProps/custom.xml';
  zip.file(part, customXml(await zip.file(part)?.async('string'), stored));
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', withContentType(types, part, CONTENT_TYPE.custom));
  const rels = await zip.file('_rels/.rels')!.async('string');
  zip.file('_rels/.rels', withRelationship(rels, '_rels/.rels', REL.custom, part));
}

/** The template filled (see the file's comment); TemplateError when it cannot be. */
export async function patchTemplate(bytes: Uint8Array, patches: TemplatePatches): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return bad(`không phải tệp .docx (${e instanceof Error ? e.message : String(e)})`, `not a .docx file (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    if (!zip.file('[Content_Types].xml')) bad('thiếu [Content_Types].xml', 'no [Content_Types].xml');
    if (!zip.file('_rels/.rels')) bad('thiếu _rels/.rels', 'no _rels/.rels');
    const main = (await relsOf(zip, '')).find(([type]) => type === REL.officeDocument)?.[1] ?? MAIN_DEFAULT;
    if (!zip.file(main)) bad(`thiếu phần văn bản chính ${main}`, `no main document part ${main}`);
    const parts = [main, ...(await relsOf(zip, main)).filter(([type, target]) => HEADER_FOOTER.test(type) && zip.file(target)).map(([, target]) => target)];
    const replaced = new Set<string>();
    for (const part of new Set(parts)) {
      const doc = parsePart(await zip.file(part)!.async('string'), part);
      const root = doc.documentElement;
      if (part === main && (root.namespaceURI !== NS.w || root.localName !== 'document' || !childElements(root).some((c) => c.localName === 'body'))) {
        bad(`${part} không phải văn bản WordprocessingML (w:document, w:body)`, `${part} is not a WordprocessingML document (w:document, w:body)`);
      }
      const done = fillPart(doc, part, patches);
      if (part === main) for (const d of done) replaced.add(d);
      zip.file(part, serialize(doc));
    }
    const stylesPart = (await relsOf(zip, main)).find(([type, target]) => type === REL.styles && zip.file(target))?.[1];
    if (stylesPart && patches.styles) zip.file(stylesPart, withStyles(parsePart(await zip.file(stylesPart)!.async('string'), stylesPart), patches.styles));
    for (const r of patches.required) {
      if (!replaced.has(r)) bad(`không có đoạn nào chỉ chứa {{${r}}} trong ${main}`, `no paragraph holding only {{${r}}} in ${main}`);
    }
    await storeFields(zip, patches.stored);
  } catch (e) {
    if (e instanceof PartError) bad(`${e.part}: không phải XML hợp lệ`, `${e.part}: ${e.detail}`);
    throw e;
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
