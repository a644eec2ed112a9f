/**
 * The XML of a .docx's parts as mammoth read it, for ooxml-read.ts: elements named by their namespace
 * (w:, a:, mc:… whatever prefix the part uses, transitional or strict), mc:AlternateContent read as its
 * mc:Fallback, a part that does not parse read as none (with a warning); the paragraph and run styles,
 * the list levels of numbering.xml, where the main part's relationships put the other parts. Parsed
 * with xmldom (no DTD entity expanded, nothing external fetched). Pure; never throws.
 */
import { DOMParser } from '@xmldom/xmldom';

/** Elements nested deeper than this are left out (Word nests tables and fields a few levels). */
export const MAX_DEPTH = 120;

/** A DOM node as xmldom gives it (only what is read here). */
export interface X {
  nodeType: number;
  namespaceURI: string | null;
  localName: string;
  childNodes: ArrayLike<X>;
  attributes?: ArrayLike<{ namespaceURI: string | null; localName: string; value: string }>;
  textContent: string | null;
}

const W = 'http://schemas.openxmlformats.org/';
const S = 'http://purl.oclc.org/ooxml/';
/** Namespaces as mammoth named them, whatever prefix the part uses (transitional and strict). */
const NS: Record<string, string> = {
  [`${W}wordprocessingml/2006/main`]: 'w',
  [`${S}wordprocessingml/main`]: 'w',
  [`${W}officeDocument/2006/relationships`]: 'r',
  [`${S}officeDocument/relationships`]: 'r',
  [`${W}drawingml/2006/wordprocessingDrawing`]: 'wp',
  [`${S}drawingml/wordprocessingDrawing`]: 'wp',
  [`${W}drawingml/2006/main`]: 'a',
  [`${S}drawingml/main`]: 'a',
  [`${W}drawingml/2006/picture`]: 'pic',
  [`${S}drawingml/picture`]: 'pic',
  [`${W}markup-compatibility/2006`]: 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'wordml',
  [`${W}package/2006/relationships`]: 'rel',
};
export const nameOf = (n: { namespaceURI: string | null; localName: string }): string => (n.namespaceURI ? `${NS[n.namespaceURI] ?? n.namespaceURI}:${n.localName}` : n.localName);

/** An element's child elements, mc:AlternateContent replaced by its mc:Fallback's children (as mammoth read them). */
export function kids(e: X | undefined): X[] {
  const out: X[] = [];
  const todo = e ? Array.from(e.childNodes).reverse() : [];
  while (todo.length) {
    const c = todo.pop()!;
    if (c.nodeType !== 1) continue;
    if (nameOf(c) !== 'mc:AlternateContent') out.push(c);
    else {
      const fallback = Array.from(c.childNodes).find((f) => f.nodeType === 1 && nameOf(f) === 'mc:Fallback');
      if (fallback) todo.push(...Array.from(fallback.childNodes).reverse());
    }
  }
  return out;
}
export const first = (e: X | undefined, name: string): X | undefined => kids(e).find((k) => nameOf(k) === name);
export const attr = (e: X | undefined, name: string): string | undefined => {
  for (const a of Array.from(e?.attributes ?? [])) if (nameOf(a) === name) return a.value;
  return undefined;
};
export const val = (e: X | undefined, child: string): string | undefined => attr(first(e, child), 'w:val');
/** The elements of a name under `e` (any depth, bounded), in document order. */
export function descendants(e: X | undefined, name: string): X[] {
  const out: X[] = [];
  const walk = (n: X, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const c of kids(n)) (nameOf(c) === name ? out.push(c) : undefined, walk(c, depth + 1));
  };
  if (e) walk(e, 0);
  return out;
}
/** w:b, w:i…: on when present, unless its w:val is "false" or "0". */
export const on = (e: X | undefined, a = 'w:val'): boolean => !!e && !['false', '0'].includes(attr(e, a) ?? '');

/** A part's root element, or null (not XML, or not well-formed: any error or warning of xmldom's, as mammoth refused them; the part is not read). */
export function parse(xml: string | undefined, warnings: string[], part: string): X | null {
  if (xml === undefined) return null;
  let failed = '';
  const fail = (m: string): void => void (failed ||= m);
  const doc = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml');
  const root = doc?.documentElement as unknown as X | null;
  if (failed || !root) {
    warnings.push(`${part} could not be read: ${failed.replace(/\s+/g, ' ').trim() || 'not XML'}`);
    return null;
  }
  return root;
}

/** Where the main part's relationships put its styles, numbering and notes (word/styles.xml… when they do not say). */
export function partPaths(rels: string | undefined): Record<'styles' | 'numbering' | 'footnotes' | 'endnotes', string> {
  const found = descendants(parse(rels, [], 'relationships') ?? undefined, 'rel:Relationship');
  const at = (type: string): string => {
    const target = found.find((r) => attr(r, 'Type')?.endsWith(`/relationships/${type}`)) ;
    const t = attr(target, 'Target');
    return t ? (t.startsWith('/') ? t.slice(1) : `word/${t}`) : `word/${type}.xml`;
  };
  return { styles: at('styles'), numbering: at('numbering'), footnotes: at('footnotes'), endnotes: at('endnotes') };
}

export interface Style {
  name?: string;
  basedOn?: string;
  outline?: string;
  numId?: string;
}
export interface Level {
  ordered: boolean;
  level: string;
}

/** A heading's level by mammoth's style map: the style Heading1–6 or "heading 1–6" (any case), or Apple Pages' "Heading". */
export function headingOf(id: string | undefined, name: string | undefined): number | null {
  const h = /^Heading([1-6])$/.exec(id ?? '') ?? /^heading ([1-6])$/i.exec(name ?? '');
  return h ? +h[1] : id === 'Heading' || /^heading$/i.test(name ?? '') ? 1 : null;
}
/** Paragraph styles mammoth mapped to a paragraph without a warning. */
export const PLAIN = /^(footnote text|endnote text|annotation text|footnote|endnote|normal|body)$/i;
/** Run styles mammoth mapped to nothing (no warning). */
export const PLAIN_RUN = /^(footnote reference|endnote reference|annotation reference|footnote anchor|endnote anchor|hyperlink)$/i;

/** The document's paragraph and run styles, and its numbering: the list level of a paragraph. */
export interface Styles {
  pStyles: Map<string, Style>;
  rStyles: Map<string, Style>;
  /** The list level a paragraph style carries (w:lvl's w:pStyle). */
  byStyle: Map<string, Level>;
  findLevel: (numId: string, ilvl: string) => Level | null;
}

/** The document's paragraph and run styles (the first of an id is kept, as Word says), and its numbering: the list level of a paragraph. */
export function readStyles(styles: string | undefined, numberingXml: string | undefined, warnings: string[]): Styles {
  const pStyles = new Map<string, Style>();
  const rStyles = new Map<string, Style>();
  const numStyles = new Map<string, Style>();
  for (const s of descendants(parse(styles, warnings, 'styles') ?? undefined, 'w:style')) {
    const map = { paragraph: pStyles, character: rStyles, numbering: numStyles }[attr(s, 'w:type') ?? ''];
    const id = attr(s, 'w:styleId') ?? '';
    const pPr = first(s, 'w:pPr');
    if (map && !map.has(id)) map.set(id, { name: val(s, 'w:name'), basedOn: val(s, 'w:basedOn'), outline: val(pPr, 'w:outlineLvl'), numId: val(first(pPr, 'w:numPr'), 'w:numId') });
  }
  const numbering = parse(numberingXml, warnings, 'numbering') ?? undefined;
  const abstracts = new Map<string, { levels: Map<string, Level>; link?: string }>();
  const byStyle = new Map<string, Level>();
  for (const a of descendants(numbering, 'w:abstractNum')) {
    const levels = new Map<string, Level>();
    let unindexed: Level | undefined;
    for (const l of descendants(a, 'w:lvl')) {
      const ilvl = attr(l, 'w:ilvl');
      const level = { ordered: val(l, 'w:numFmt') !== 'bullet', level: ilvl ?? '0' };
      if (ilvl === undefined) unindexed = level;
      else levels.set(ilvl, level);
      const style = val(l, 'w:pStyle');
      if (style !== undefined) byStyle.set(style, level);
    }
    if (unindexed && !levels.has('0')) levels.set('0', unindexed);
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', { levels, link: val(a, 'w:numStyleLink') });
  }
  const nums = new Map(descendants(numbering, 'w:num').map((n) => [attr(n, 'w:numId') ?? '', val(n, 'w:abstractNumId') ?? ''] as const));
  const findLevel = (numId: string, ilvl: string, seen = new Set<string>()): Level | null => {
    const a = !seen.has(numId) && nums.has(numId) ? abstracts.get(nums.get(numId)!) : undefined;
    seen.add(numId);
    if (!a) return null;
    if (a.link === undefined) return a.levels.get(ilvl) ?? null;
    const linked = numStyles.get(a.link)?.numId;
    return linked === undefined ? null : findLevel(linked, ilvl, seen);
  };  return { pStyles, rStyles, byStyle, findLevel };
}
