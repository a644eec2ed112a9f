/**
 * The session, its date and the period of an exported report, kept in the .docx as custom document
 * properties (docProps/custom.xml, shown by Word under File > Properties > Custom), so that importing
 * an exported file needs no `--session`: the import reads them back (import.ts, source 'properties').
 * Written through an XML DOM (customXml); read here from the part's XML. Pure; never throws.
 */
import { isPeriodCode } from '../parse/period-codes';
import { NS, Part, childElements, parsePart } from './ooxml-write';

export interface StoredFields {
  session?: number;
  date?: string;
  period?: string;
}

/** The custom property names (a prefix of our own, so a team's other properties are left alone). */
export const PROPERTY_NAMES = { session: 'PolicyReport.Session', date: 'PolicyReport.Date', period: 'PolicyReport.Period' } as const;

/** The custom properties of a report's .docx, as name and text. */
export function customProperties(stored: StoredFields): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const key of ['session', 'date', 'period'] as const) {
    const v = stored[key];
    if (v !== undefined && v !== null && String(v) !== '') out.push({ name: PROPERTY_NAMES[key], value: String(v) });
  }
  return out;
}

const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/**
 * docProps/custom.xml with our stored fields, through an XML DOM: the `existing` part's other
 * properties are kept as they are (a team template's own), ours replaced, pids continuing after
 * the part's; a part that cannot be read (not well-formed, another root) is written anew.
 */
export function customXml(existing: string | undefined, stored: StoredFields): string {
  let doc: Document | undefined;
  if (existing !== undefined) {
    try {
      doc = parsePart(existing, 'docProps/custom.xml');
      if (doc.documentElement.namespaceURI !== NS.custom || doc.documentElement.localName !== 'Properties') doc = undefined;
    } catch {
      doc = undefined;
    }
  }
  const x = doc ? new Part(doc) : Part.create('Properties', ['vt'], NS.custom);
  const ours = new Set<string>(Object.values(PROPERTY_NAMES));
  let pid = 1;
  for (const el of childElements(x.root)) {
    if (el.localName !== 'property') continue;
    if (ours.has(el.getAttribute('name') ?? '')) x.root.removeChild(el);
    else if (/^\d{1,9}$/.test(el.getAttribute('pid') ?? '')) pid = Math.max(pid, Number(el.getAttribute('pid')));
  }
  for (const p of customProperties(stored)) {
    const property = x.doc.createElementNS(NS.custom, x.root.prefix ? `${x.root.prefix}:property` : 'property');
    property.setAttribute('fmtid', FMTID);
    property.setAttribute('pid', String(++pid));
    property.setAttribute('name', p.name);
    x.append(property, [x.el('vt:lpwstr', {}, p.value)]);
    x.root.appendChild(property);
  }
  return x.toString();
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Math.min(0x10ffff, parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10))) : XML_ENTITIES[e.toLowerCase()],
  );

/**
 * The stored fields in docProps/custom.xml's text: each of ours that is valid (a positive session
 * number, a real YYYY-MM-DD date, a period code); anything else is ignored.
 */
export function readStoredFields(xml: string): StoredFields {
  const out: StoredFields = {};
  // <property fmtid="…" pid="2" name="PolicyReport.Session"><vt:lpwstr>12</vt:lpwstr></property>
  const re = /<(?:\w+:)?property\b[^>]*?\bname\s*=\s*"([^"]{1,100})"[^>]*>\s*<(\w+:)?(\w+)>([^<]{0,200})<\/\2?\3>/g;
  const text = xml.slice(0, 1_000_000);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = unescapeXml(m[1]);
    const value = unescapeXml(m[4]).trim();
    if (name === PROPERTY_NAMES.session && /^[1-9]\d{0,5}$/.test(value)) out.session = Number(value);
    else if (name === PROPERTY_NAMES.date && isIsoDate(value)) out.date = value;
    else if (name === PROPERTY_NAMES.period && isPeriodCode(value)) out.period = value;
  }
  return out;
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
