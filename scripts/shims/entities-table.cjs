// What scripts/shims/entities-decode.cjs decodes with, read from `entities` itself (its decoder's
// trie and its code point replacements): the shipped bundles carry this module's result (about 10 KB
// zipped), not the trie (47 KB, 19.5 KB zipped). scripts/build.mjs evaluates this module at build time
// and bundles its exports in its place, so the trie never reaches a bundle.
// - names: the named character references (the WHATWG list markdown-it and xmldom decode: 2 125
//   names, 106 of them also without their `;`), in code-unit order, each as one header character,
//   the letters it does not share with the name before it, a space, then its one or two characters.
//   The header is 33 + 4 × (letters shared with the name before) + 2 × (two characters) + 1 × (also
//   valid without `;`).
// - replaced: [code point, what a numeric reference to it gives] where the two differ (entities'
//   replaceCodePoint: C1 controls read as windows-1252, 0 as U+FFFD), surrogates and code points past
//   U+10FFFF left out (they give U+FFFD).
'use strict';
const { htmlDecodeTree: tree, replaceCodePoint } = require('entities/lib/decode.js');

/** Every name the trie decodes (with its `;`, or without it for the legacy ones) and its characters, as the decoder walks it (entities/lib/decode.js determineBranch). */
function walk(index = 0, name = '', out = new Map()) {
  const node = tree[index];
  const valueLength = (node & 0xc000) >> 14;
  if (valueLength > 0) {
    const value = valueLength === 1 ? [node & 0x3fff] : tree.slice(index + 1, index + valueLength);
    out.set(name, String.fromCodePoint(...value));
    // A value held in the node itself ends a name that has `;`: the decoder stops there.
    if (valueLength === 1) return out;
  }
  const branches = (node & 0x3f80) >> 7;
  const jump = node & 0x7f;
  const next = index + Math.max(1, valueLength);
  if (branches === 0) {
    if (jump !== 0) walk(next, name + String.fromCharCode(jump), out);
  } else if (jump !== 0) {
    for (let i = 0; i < branches; i++) if (tree[next + i] !== 0) walk(tree[next + i] - 1, name + String.fromCharCode(jump + i), out);
  } else {
    for (let i = 0; i < branches; i++) walk(tree[next + branches + i], name + String.fromCharCode(tree[next + i]), out);
  }
  return out;
}

function encode(references) {
  const names = [...references.keys()].filter((n) => n.endsWith(';')).map((n) => n.slice(0, -1)).sort();
  let text = '';
  let before = '';
  for (const name of names) {
    const value = references.get(`${name};`);
    const legacy = references.has(name);
    if (legacy && references.get(name) !== value) throw new Error(`entities: &${name} and &${name}; differ`);
    let shared = 0;
    while (shared < before.length && before[shared] === name[shared]) shared++;
    const header = 33 + 4 * shared + 2 * ([...value].length - 1) + (legacy ? 1 : 0);
    if (header > 126 || [...value].length > 2 || /[^A-Za-z0-9]/.test(name)) throw new Error(`entities: &${name}; does not fit the table's form`);
    text += String.fromCharCode(header) + name.slice(shared) + ' ' + value;
    before = name;
  }
  const legacyOnly = [...references.keys()].filter((n) => !n.endsWith(';') && !references.has(`${n};`));
  if (legacyOnly.length > 0) throw new Error(`entities: no \`;\` form for ${legacyOnly.join(', ')}`);
  return text;
}

function replacements() {
  const out = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp === 0xd800) cp = 0xe000;
    if (replaceCodePoint(cp) !== cp) out.push([cp, replaceCodePoint(cp)]);
  }
  return out;
}

module.exports = { names: encode(walk()), replaced: replacements() };
