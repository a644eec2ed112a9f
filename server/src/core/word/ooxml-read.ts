/**
 * A .docx's WordprocessingML (word/document.xml with its styles, numbering, notes and relationships)
 * as the blocks of model.ts, read the way mammoth read it for the import (and html.ts read mammoth's
 * HTML): the body becomes the tree of elements mammoth's HTML had (h1–h6, p, ul/ol/li, table/tr/td,
 * strong, em, sup, br, a, img), merged as mammoth merged it (a run's bold or italic continued by the
 * next run, consecutive list items in one list, a nested item in the item before it), and html.ts
 * turns that tree into blocks. So a report imports as it did with mammoth, with these differences:
 * a style based on (w:basedOn) a heading style, or a paragraph or style with an outline level
 * (w:outlineLvl 0–5), is a heading (a localised or custom heading style); the text of a w:fldSimple
 * field and a w:cr line break are kept; a footnote or endnote, listed after the body as mammoth
 * listed them, has no "↑" back-link; of the symbol fonts (w:sym), Symbol's and Wingdings' characters
 * are read (Wingdings 2 and 3, Webdings: a warning). Parsed with xmldom, a real XML parser (no DTD entity is
 * expanded, nothing external is fetched); elements nested deeper than MAX_DEPTH are left out with a
 * warning, so that no input overflows the stack. Pure; never throws: a main part that cannot be
 * parsed, or that has no w:body, is null.
 */
import { treeBlocks, type Node } from './html';
import type { Block } from './model';
import { MAX_DEPTH, PLAIN, PLAIN_RUN, attr, descendants, first, headingOf, kids, nameOf, on, parse, readStyles, val, type X } from './ooxml-read-xml';

export { MAX_DEPTH, partPaths } from './ooxml-read-xml';

/** The parts read (their XML text; a missing part is undefined). */
export interface DocxParts {
  /** word/document.xml (or the package's main part). */
  document: string;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  endnotes?: string;
  /** The main part's relationships (word/_rels/document.xml.rels): hyperlinks' targets, pictures. */
  rels?: string;
  /** Whether the package holds an entry: a picture the body embeds (one that is missing is left out). */
  has?: (entry: string) => boolean;
}

/** A field code longer than this is cut (HYPERLINK's address is the longest Word writes). */
const MAX_FIELD_CODE = 8192;

/** A node of the tree mammoth's HTML had: `fresh` is never merged into the element before it; `key` is its attributes; `alt`, a second name it merges with ("ul|ol"). */
interface H extends Node {
  childNodes?: H[];
  fresh?: boolean;
  key?: string;
  alt?: string;
  force?: boolean;
  /** A table cell's gridSpan, and whether it continues a vertical merge. */
  span?: number;
  vm?: boolean;
}

/** The characters of the Symbol and Wingdings fonts, from 0x20 (Unicode's, as mammoth read them); \0: none. */
const FONTS: Record<string, string[]> = {
  symbol: Array.from(
    ' !∀#∃%&∍()*+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}~' +
      '\0'.repeat(33) +
      '€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭',
  ),
  wingdings: Array.from(
    ' 🖉✂✁👓🕭🕮🕯🕿✆🖂🖃📪📫📬📭🗀🗁🗎🗏🗐🗄⌛🖮🖰🖲🖳🖴🖫🖬✇✍🖎✌🖏👍👎☜☞☝☟🖐☺😐☹💣🕱🏳🏱✈☼🌢❄🕆✞🕈✠✡☪☯🕉☸♈♉♊♋♌♍♎♏♐♑♒♓🙰🙵⚫🔾◼🞏🞐❑❒🞟⧫◆❖⬩⌧⮹⌘🏵🏶🙶🙷▯🄋➀➁➂➃➄➅➆➇➈➉🄌➊➋➌➍' +
      '➎➏➐➑➒➓🙢🙠🙡🙣🙞🙜🙝🙟∙•⬝⭘🞆🞈🞊🞋🔿▪🞎🟁🟅★🟋🟏🟓🟑⯐⌖⯎⯏⯑✪✰🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛⮰⮱⮲⮳⮴⮵⮶⮷🙪🙫🙕🙔🙗🙖🙐🙑🙒🙓⌫⌦⮘⮚⮙⮛⮈⮊⮉⮋🡨🡪🡩🡫🡬🡭🡯🡮🡸🡺🡹🡻🡼🡽🡿🡾⇦⇨⇧⇩⬄⇳⬁⬀⬃⬂🢬🢭🗶✓🗷🗹\0',
  ),
};

const VOID = new Set(['br', 'img', 'input']);
const text = (value: string): H => ({ nodeName: '#text', value });

/** Appends a node as mammoth's HTML simplifier did: an element that is not fresh merges into the same element before it; text joins text. */
function add(list: H[], c: H): void {
  const last = list[list.length - 1];
  if (c.nodeName === '#text') {
    if (!c.value) return;
    if (last?.nodeName === '#text') last.value += c.value;
    else list.push(c);
  } else if (last && !c.fresh && (last.nodeName === c.nodeName || last.nodeName === c.alt) && last.key === c.key && last.childNodes) {
    for (const g of c.childNodes ?? []) add(last.childNodes, g);
  } else list.push(c);
}

/** An element of these children, or none when it would be empty (mammoth left empty elements out, but for br, img, input and forced ones). */
function el(nodeName: string, children: H[], o: Omit<H, 'nodeName' | 'childNodes'> = {}): H[] {
  const childNodes: H[] = [];
  for (const c of children) add(childNodes, c);
  return childNodes.length || o.force || VOID.has(nodeName) ? [{ nodeName, childNodes, key: '', ...o }] : [];
}

/** The blocks of a .docx's parts, and what was not read (mammoth's warnings, in its words); null when the main part is unreadable. */
export function ooxmlBlocks(parts: DocxParts): { blocks: Block[]; warnings: string[] } | null {
  const warnings: string[] = [];
  const said = new Set<string>();
  const warn = (m: string): void => {
    if (said.has(m)) return;
    said.add(m);
    warnings.push(m);
  };
  const body = first(parse(parts.document, warnings, 'word/document.xml') ?? undefined, 'w:body');
  if (!body) return null;

  // Styles, numbering, relationships, notes.
  const { pStyles, rStyles, byStyle, findLevel } = readStyles(parts.styles, parts.numbering, warnings);
  const targets = new Map(descendants(parse(parts.rels, warnings, 'relationships') ?? undefined, 'rel:Relationship').map((r) => [attr(r, 'Id') ?? '', attr(r, 'Target') ?? ''] as const));
  const notes = new Map<string, X>();
  for (const type of ['footnote', 'endnote'] as const) {
    for (const n of descendants(parse(parts[`${type}s`], warnings, `${type}s`) ?? undefined, `w:${type}`)) {
      if (!/^(separator|continuationSeparator)$/.test(attr(n, 'w:type') ?? '')) notes.set(`${type} ${attr(n, 'w:id')}`, n);
    }
  }

  // The state mammoth's body reader kept: complex fields (each with the hyperlink it is in), a deleted
  // paragraph mark's content, text boxes' paragraphs (after their paragraph), a checkbox's text.
  type Field = { type: string; fld?: X; href?: string; checked?: boolean; link?: string };
  let fields: Field[] = [];
  const push = (f: Field): void => void fields.push({ ...f, link: f.type === 'hyperlink' ? f.href : fields[fields.length - 1]?.link });
  let instr = '';
  let deleted: X[] = [];
  let extra: H[] = [];
  let checkbox: { checked: boolean } | null = null;
  const noteRefs = new Set<string>();

  const input = (checked: boolean): H => ({ nodeName: 'input', childNodes: [], fresh: true, key: checked ? 'checked' : '' });
  /** Text, unless a checkbox content control's first text (the box's character): then the box. */
  const chars = (s: string): H[] => {
    if (checkbox && s) {
      const box = input(checkbox.checked);
      checkbox = null;
      return [box];
    }
    return [text(s)];
  };
  /** A field code's kind (read once for each code: fields nest, and Word repeats codes). */
  let known: [string, Field] = ['', { type: 'unknown' }];
  const kindOf = (code: string): Field => {
    if (known[0] === code) return known[1];
    const link = /^\s*HYPERLINK\s+(\\l\s+)?(?:"(.*)"|([^\\]\S*))/.exec(code);
    const kind = link ? { type: 'hyperlink', href: (link[1] ? '#' : '') + (link[2] ?? link[3]) } : { type: /FORMCHECKBOX/.test(code) ? 'checkbox' : 'unknown' };
    known = [code, kind];
    return kind;
  };
  const parseInstr = (fld?: X): Field => {
    const kind = kindOf(instr);
    if (kind.type === 'checkbox') {
      const box = first(first(fld, 'w:ffData'), 'w:checkBox');
      const checked = first(box, 'w:checked');
      return { type: 'checkbox', checked: on(checked ?? first(box, 'w:default')) };
    }
    return kind;
  };
  const picture = (id: string | undefined): H[] => {
    const target = id === undefined ? undefined : targets.get(id);
    const entry = target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `word/${target}`;
    if (entry !== undefined && (parts.has?.(entry) ?? true)) return [{ nodeName: 'img', childNodes: [], fresh: true }];
    warn(`a picture could not be read (${entry ?? `relationship ${id}`})`);
    return [];
  };

  /** A paragraph's HTML path, outer element first: a heading, a list item (nested as mammoth nested it), or a paragraph. */
  const paragraphPath = (pPr: X | undefined): Array<[string, Omit<H, 'nodeName'>]> => {
    const id = val(pPr, 'w:pStyle');
    const style = id === undefined ? undefined : pStyles.get(id);
    if (id !== undefined && !style) warn(`Paragraph style with ID ${id} was referenced but not defined in the document`);
    let level = headingOf(id, style?.name);
    // Not one of mammoth's heading styles: an outline level (the paragraph's, else its style chain's), or a style based on a heading style.
    let outline = val(pPr, 'w:outlineLvl');
    const seen = new Set<string>();
    for (let s = id; level === null && outline === undefined && s !== undefined && !seen.has(s) && pStyles.has(s); s = pStyles.get(s)!.basedOn) {
      seen.add(s);
      outline = pStyles.get(s)!.outline;
      if (outline === undefined && s !== id) level = headingOf(s, pStyles.get(s)!.name);
    }
    if (level === null && outline !== undefined && /^[0-5]$/.test(outline)) level = +outline + 1;
    if (level !== null) return [[`h${level}`, { fresh: true }]];
    const numPr = first(pPr, 'w:numPr');
    const ilvl = val(numPr, 'w:ilvl');
    const numId = val(numPr, 'w:numId');
    const list = ilvl !== undefined && numId !== undefined ? findLevel(numId, ilvl) : ((id !== undefined ? byStyle.get(id) : undefined) ?? (numId !== undefined ? findLevel(numId, '0') : null));
    const depth = list ? Number(list.level) : NaN;
    if (list && depth >= 0 && depth <= 4 && Number.isInteger(depth)) {
      const path: Array<[string, Omit<H, 'nodeName'>]> = [];
      for (let i = 0; i < depth; i++) path.push(['ul', { alt: 'ol' }], ['li', {}]);
      path.push([list.ordered ? 'ol' : 'ul', {}], ['li', { fresh: true }]);
      return path;
    }
    if (id !== undefined && style && !PLAIN.test(style.name ?? '')) warn(`Unrecognised paragraph style: '${style.name}' (Style ID: ${id})`);
    return [['p', { fresh: true }]];
  };
  const wrap = (path: Array<[string, Omit<H, 'nodeName'>]>, content: H[]): H[] => path.reduceRight((inner, [name, o]) => el(name, inner, o), content);

  const all = (xs: X[], depth: number): H[] => xs.flatMap((x) => conv(x, depth));
  const conv = (e: X, depth: number): H[] => {
    if (depth > MAX_DEPTH) {
      warn(`content nested more than ${MAX_DEPTH} levels deep was left out`);
      return [];
    }
    const d = depth + 1;
    const name = nameOf(e);
    switch (name) {
      case 'w:p': {
        const pPr = first(e, 'w:pPr');
        // A deleted paragraph mark: its content joins the next paragraph.
        if (first(first(pPr, 'w:rPr'), 'w:del')) {
          deleted.push(...kids(e));
          return [];
        }
        const children = deleted.length ? [...deleted, ...kids(e)] : kids(e);
        deleted = [];
        const outer = extra;
        extra = [];
        const content = all(children, d);
        const after = extra;
        extra = outer;
        return [...wrap(paragraphPath(pPr), content), ...after];
      }
      case 'w:r': {
        const rPr = first(e, 'w:rPr');
        let nodes = all(kids(e), d);
        const link = fields[fields.length - 1]?.link;
        if (link !== undefined) nodes = el('a', nodes, { key: link });
        if (on(first(rPr, 'w:strike'))) nodes = el('s', nodes);
        const align = val(rPr, 'w:vertAlign');
        if (align === 'subscript' || align === 'superscript') nodes = el(align === 'subscript' ? 'sub' : 'sup', nodes);
        if (on(first(rPr, 'w:i'))) nodes = el('em', nodes);
        if (on(first(rPr, 'w:b'))) nodes = el('strong', nodes);
        const id = val(rPr, 'w:rStyle');
        const style = id === undefined ? undefined : rStyles.get(id);
        if (id !== undefined && !style) warn(`Run style with ID ${id} was referenced but not defined in the document`);
        if (/^strong$/i.test(style?.name ?? '')) nodes = el('strong', nodes);
        else if (style && !PLAIN_RUN.test(style.name ?? '')) warn(`Unrecognised run style: '${style.name}' (Style ID: ${id})`);
        return nodes;
      }
      case 'w:t':
        return chars(e.textContent ?? '');
      case 'w:tab':
        return [text('\t')];
      case 'w:noBreakHyphen':
        return chars('\u2011');
      case 'w:softHyphen':
        return chars('\u00AD');
      case 'w:sym': {
        const font = attr(e, 'w:font') ?? '';
        const code = parseInt((attr(e, 'w:char') ?? '').replace(/^F0(?=..$)/i, ''), 16);
        const c = Object.hasOwn(FONTS, font.toLowerCase()) ? FONTS[font.toLowerCase()][code - 0x20] : undefined;
        if (c && c !== '\0') return chars(c);
        warn(`A w:sym element with an unsupported character was ignored: char ${attr(e, 'w:char')} in font ${font}`);
        return [];
      }
      case 'w:br': {
        const type = attr(e, 'w:type');
        if (type === undefined || type === 'textWrapping') return [{ nodeName: 'br', childNodes: [], fresh: true }];
        if (type !== 'page' && type !== 'column') warn(`Unsupported break type: ${type}`);
        return [];
      }
      case 'w:cr':
        return [{ nodeName: 'br', childNodes: [], fresh: true }];
      case 'w:fldChar': {
        const type = attr(e, 'w:fldCharType');
        if (type === 'begin') {
          push({ type: 'begin', fld: e });
          instr = '';
        } else if (type === 'separate' || type === 'end') {
          const top = fields.pop();
          if (!top) warn(`Ignoring complex field ${type} character without corresponding start character`);
          else if (type === 'separate') push(parseInstr(top.fld));
          else {
            const field = top.type === 'begin' ? parseInstr(top.fld) : top;
            if (field.type === 'checkbox') return [input(!!field.checked)];
          }
        }
        return [];
      }
      case 'w:instrText':
        instr = (instr + (e.textContent ?? '')).slice(0, MAX_FIELD_CODE);
        return [];
      case 'w:footnoteReference':
      case 'w:endnoteReference':
        // A note is listed once, where it is first referenced (Word references each note once).
        noteRefs.add(`${name.slice(2, -9)} ${attr(e, 'w:id')}`);
        return [{ nodeName: 'sup', fresh: true, childNodes: [{ nodeName: 'a', fresh: true, childNodes: [text(`[${noteRefs.size}]`)] }] }];
      case 'w:hyperlink': {
        const id = attr(e, 'r:id');
        const anchor = attr(e, 'w:anchor');
        const children = all(kids(e), d);
        if (id === undefined && anchor === undefined) return children;
        const target = id === undefined ? '' : (targets.get(id) ?? '');
        const href = id === undefined ? `#${anchor}` : anchor !== undefined ? `${target.replace(/#.*$/s, '')}#${anchor}` : target;
        const frame = attr(e, 'w:tgtFrame');
        return el('a', children, { key: frame ? `${href}\0${frame}` : href });
      }
      case 'w:tbl': {
        const rows = all(kids(e), d);
        // Vertically merged cells (w:vMerge) are one cell, the first; mammoth merged only in a table of rows of cells.
        if (rows.every((r) => r.nodeName === 'tr' && r.childNodes!.every((c) => c.nodeName === 'td'))) {
          const columns = new Set<number>();
          for (const r of rows) {
            let at = 0;
            r.childNodes = r.childNodes!.filter((c) => {
              const keep = !(c.vm && columns.has(at));
              columns.add(at);
              at += c.span!;
              return keep;
            });
          }
        }
        return el('table', rows, { fresh: true, force: true });
      }
      case 'w:tr':
        return first(first(e, 'w:trPr'), 'w:del') ? [] : el('tr', all(kids(e), d), { fresh: true, force: true });
      case 'w:tc': {
        const tcPr = first(e, 'w:tcPr');
        const merge = first(tcPr, 'w:vMerge');
        const span = parseInt(val(tcPr, 'w:gridSpan') ?? '1', 10);
        return el('td', all(kids(e), d), { fresh: true, force: true, span: span > 0 ? span : 1, vm: !!merge && (attr(merge, 'w:val') ?? 'continue') === 'continue' });
      }
      case 'w:bookmarkStart':
        return attr(e, 'w:name') === '_GoBack' ? [] : [{ nodeName: 'a', childNodes: [], fresh: true, force: true }];
      case 'w:sdt': {
        const box = first(first(e, 'w:sdtPr'), 'wordml:checkbox');
        const outer = checkbox;
        checkbox = box ? { checked: on(first(box, 'wordml:checked'), 'wordml:val') } : null;
        const content = all(kids(first(e, 'w:sdtContent')), d);
        const unused = checkbox;
        checkbox = outer;
        return unused ? [input(unused.checked)] : content;
      }
      case 'w:pict':
        extra.push(...all(kids(e), d));
        return [];
      case 'w:drawing':
        // Pictures (a:graphic's pic:pic); a chart, a shape or a drawn text box is not read.
        return descendants(e, 'pic:pic').flatMap((p) => descendants(p, 'a:blip').flatMap((b) => picture(attr(b, 'r:embed'))));
      case 'v:imagedata':
        return picture(attr(e, 'r:id'));
      // Content wrappers: content controls' and smart tags' text, insertions, moved text, text boxes, fields' results.
      case 'w:customXml':
      case 'w:ins':
      case 'w:moveTo':
      case 'w:smartTag':
      case 'w:fldSimple':
      case 'w:object':
      case 'v:roundrect':
      case 'v:shape':
      case 'v:textbox':
      case 'v:group':
      case 'v:rect':
      case 'w:txbxContent':
      case 'w:moveFromRangeStart':
      case 'w:moveFromRangeEnd':
      case 'w:moveToRangeStart':
      case 'w:moveToRangeEnd':
        return all(kids(e), d);
      default:
        if (!IGNORED.has(name)) warn(`An unrecognised element was ignored: ${name}`);
        return [];
    }
  };

  const root: H[] = [];
  for (const n of all(kids(body), 0)) add(root, n);
  // The notes, in the order they are referenced, as a list after the body.
  const listed = [...noteRefs].flatMap((ref) => {
    const n = notes.get(ref);
    fields = [];
    instr = '';
    deleted = [];
    return n ? el('li', all(kids(n), 1), { fresh: true }) : [];
  });
  for (const n of el('ol', listed, { fresh: true })) add(root, n);
  return { blocks: treeBlocks(root), warnings };
}

/** Elements mammoth left out without a warning (deleted text among them). */
const IGNORED = new Set(
  ('office-word:wrap v:shadow v:shapetype w:annotationRef w:bookmarkEnd w:sectPr w:proofErr w:lastRenderedPageBreak w:commentRangeStart ' +
    'w:commentRangeEnd w:commentReference w:del w:footnoteRef w:endnoteRef w:moveFrom w:pPr w:rPr w:tblPr w:tblGrid w:trPr w:tcPr w:sdtPr w:sdtEndPr').split(' '),
);
