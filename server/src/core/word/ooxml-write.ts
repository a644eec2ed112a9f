/**
 * WordprocessingML (.docx) parts written through a real XML DOM: @xmldom/xmldom's DOMImplementation
 * makes each part's document, elements and attributes are created with their namespaces
 * (createElementNS / setAttributeNS), text goes in as text nodes (the serializer escapes it), and
 * XMLSerializer writes the part; JSZip packs the parts. No XML is assembled from strings.
 * Also the package's plumbing shared by the built-in layout (docx.ts) and a team template
 * (ooxml-template.ts): parsing a part strictly, [Content_Types].xml and relationships parts.
 * Pure: no fs; never reads the clock (a .docx of the same report is the same bytes).
 */
import { DOMImplementation, DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';

/** The namespaces of the parts written, by the prefix they are written with. */
export const NS: Record<string, string> = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  ep: 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
};

/** Relationship types (officeDocument and package). */
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  custom: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  settings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings',
  header: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header',
};

/** Content types of the parts written. */
export const CONTENT_TYPE = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  document: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
  settings: 'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
};

/** An attribute's value; undefined leaves the attribute out. */
export type AttrValue = string | number | undefined;
/** A child: an element, a text (a text node), or nothing (null, undefined, false); arrays are flattened. */
export type Child = Node | string | null | undefined | false | Child[];

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Characters XML 1.0 cannot carry (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates): left out of text. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML can hold it. */
export const xmlText = (s: string): string => s.replace(NOT_XML, '');

const nsOf = (qualified: string): string | null => {
  const colon = qualified.indexOf(':');
  if (colon < 0) return null;
  const ns = NS[qualified.slice(0, colon)];
  if (!ns) throw new Error(`ooxml-write: unknown prefix in ${qualified}`);
  return ns;
};

/**
 * A part's document and the element factory bound to it. `el('w:p', { 'w:rsidR': … }, …children)`:
 * the prefix names the namespace (NS); an unprefixed name is in the root's default namespace.
 */
export class Part {
  constructor(readonly doc: Document) {}

  /** A new part whose root element is `root` (a qualified name) with the namespace declarations of `prefixes`. */
  static create(root: string, prefixes: string[] = [], defaultNs?: string): Part {
    const ns = defaultNs ?? nsOf(root);
    const doc = new DOMImplementation().createDocument(ns, root, null);
    const el = doc.documentElement;
    if (defaultNs) el.setAttributeNS(NS.xmlns, 'xmlns', defaultNs);
    for (const p of prefixes) el.setAttributeNS(NS.xmlns, `xmlns:${p}`, NS[p]);
    return new Part(doc);
  }

  get root(): Element {
    return this.doc.documentElement;
  }

  el(name: string, attrs: Record<string, AttrValue> = {}, ...children: Child[]): Element {
    const ns = name.includes(':') ? nsOf(name) : this.root.namespaceURI;
    const e = this.doc.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined) continue;
      if (k.includes(':')) e.setAttributeNS(nsOf(k), k, String(v));
      else e.setAttribute(k, String(v));
    }
    this.append(e, children);
    return e;
  }

  /** Appends children to an element (texts as text nodes). */
  append(parent: Node, children: Child[]): void {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) this.append(parent, c);
      else if (typeof c === 'string') parent.appendChild(this.doc.createTextNode(xmlText(c)));
      else parent.appendChild(c);
    }
  }

  /** The part as UTF-8 XML text, with its declaration. */
  toString(): string {
    return serialize(this.doc);
  }
}

/** A document as XML text with the declaration Word writes. */
export function serialize(doc: Document): string {
  return XML_DECLARATION + new XMLSerializer().serializeToString(doc.documentElement);
}

/** A part's XML that is not well-formed. */
export class PartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

/**
 * A part's text parsed strictly: a part that is not well-formed XML is a PartError. xmldom recovers
 * from what it reports: an unclosed or mismatched tag is only its warning, an undefined entity an
 * error; none is recovered from here (a template is filled whole or not at all).
 */
export function parsePart(text: string, part: string): Document {
  const fail = (m: string): never => {
    throw new PartError(part, `not well-formed XML (${String(m).split('\n')[0].slice(0, 200)})`);
  };
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml');
  if (!doc?.documentElement) fail('no root element');
  return doc;
}

/** A zip entry's date: fixed, so that the same report gives the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/** The parts as a .docx: `[Content_Types].xml` first, as Word writes it. */
export async function zipParts(parts: Map<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) zip.file(name, parts.get(name)!, { date: ENTRY_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** [Content_Types].xml: xml and rels by default, an override for each named part. */
export function contentTypes(overrides: Array<[part: string, type: string]>): string {
  const x = Part.create('Types', [], NS.ct);
  x.append(x.root, [x.el('Default', { Extension: 'rels', ContentType: CONTENT_TYPE.rels }), x.el('Default', { Extension: 'xml', ContentType: CONTENT_TYPE.xml })]);
  for (const [part, type] of overrides) x.append(x.root, [x.el('Override', { PartName: `/${part}`, ContentType: type })]);
  return x.toString();
}

/** A relationships part: rId1, rId2, … in the order given. */
export function relationships(rels: Array<[type: string, target: string]>): string {
  const x = Part.create('Relationships', [], NS.rel);
  rels.forEach(([type, target], i) => x.append(x.root, [x.el('Relationship', { Id: `rId${i + 1}`, Type: type, Target: target })]));
  return x.toString();
}

/** Elements under `parent` (at any depth) named `local` in namespace `ns`, in document order. */
export function elements(parent: Document | Element, ns: string, local: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, local) as ArrayLike<Element>);
}

/** The element children of a node. */
export function childElements(parent: Node): Element[] {
  const out: Element[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/**
 * A package's [Content_Types].xml with an override for `part` (as `/part`) added when neither an
 * override nor a default by extension covers it. Returns the new text, or the old one unchanged.
 */
export function withContentType(types: string, part: string, type: string): string {
  const doc = parsePart(types, '[Content_Types].xml');
  const overrides = elements(doc, NS.ct, 'Override');
  if (overrides.some((o) => o.getAttribute('PartName')?.toLowerCase() === `/${part}`.toLowerCase())) return types;
  const o = doc.createElementNS(NS.ct, 'Override');
  o.setAttribute('PartName', `/${part}`);
  o.setAttribute('ContentType', type);
  doc.documentElement.appendChild(o);
  return serialize(doc);
}

/** A relationships part with a relationship of `type` to `target` added (a fresh rId) when there is none of that type. */
export function withRelationship(rels: string, part: string, type: string, target: string): string {
  const doc = parsePart(rels, part);
  const all = elements(doc, NS.rel, 'Relationship');
  if (all.some((r) => r.getAttribute('Type') === type)) return rels;
  const ids = new Set(all.map((r) => r.getAttribute('Id')));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const r = doc.createElementNS(NS.rel, 'Relationship');
  r.setAttribute('Id', `rId${n}`);
  r.setAttribute('Type', type);
  r.setAttribute('Target', target);
  doc.documentElement.appendChild(r);
  return serialize(doc);
}
