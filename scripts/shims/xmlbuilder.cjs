// xmlbuilder (10.x) as mammoth uses it, and only there (lib/xml/writer.js, which mammoth reaches
// only from embedStyleMap, to write a style map into a .docx): create(name, { version, encoding,
// standalone }), element(name, attributes), attribute(name, value), text(value), up(), end() for the
// compact string. scripts/build.mjs resolves mammoth's `xmlbuilder` here rather than ship the 44 KB
// library; the output, its escaping and the refusal of illegal characters are xmlbuilder's
// (test/unit/package-shims.test.ts compares them).
'use strict';

const ILLEGAL = /[\0\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;

function legal(s) {
  const m = s.match(ILLEGAL);
  if (m) throw new Error(`Invalid character in string: ${s} at index ${m.index}`);
  return s;
}
const textEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
const attEscape = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#x9;').replace(/\n/g, '&#xA;').replace(/\r/g, '&#xD;');

class XMLElement {
  constructor(parent, name, attributes, declaration) {
    this.parent = parent;
    this.name = legal(`${name}`);
    this.attribs = new Map();
    this.children = [];
    this.declaration = declaration;
    if (attributes && typeof attributes === 'object') for (const [k, v] of Object.entries(attributes)) this.attribute(k, v);
  }

  element(name, attributes) {
    const child = new XMLElement(this, name, attributes);
    this.children.push(child);
    return child;
  }

  attribute(name, value) {
    if (value == null) throw new Error(`Missing attribute value. attribute: {${name}}, parent: <${this.name}>`);
    this.attribs.set(`${name}`, attEscape(`${value}`));
    return this;
  }

  text(value) {
    this.children.push({ value: legal(textEscape(`${value}`)) });
    return this;
  }

  up() {
    return this.parent;
  }

  end() {
    let root = this;
    while (root.parent) root = root.parent;
    return root.declaration + write(root);
  }
}

function write(el) {
  let r = `<${el.name}`;
  for (const [k, v] of el.attribs) r += ` ${k}="${v}"`;
  if (el.children.every((c) => c.value === '')) return `${r}/>`;
  r += '>';
  for (const c of el.children) r += c.value !== undefined ? c.value : write(c);
  return `${r}</${el.name}>`;
}

function create(name, xmldec = {}) {
  let declaration = `<?xml version="${xmldec.version || '1.0'}"`;
  if (xmldec.encoding != null) declaration += ` encoding="${xmldec.encoding}"`;
  if (xmldec.standalone != null) declaration += ` standalone="${xmldec.standalone ? 'yes' : 'no'}"`;
  return new XMLElement(null, name, undefined, `${declaration}?>`);
}

module.exports = { create };
