// The two decoders of `entities` that the bundles call — decodeHTML (markdown-it's link and title
// unescaping: a legacy name such as `&amp` needs no `;`) and decodeHTMLStrict (markdown-it's inline
// entities, xmldom's table through scripts/shims/xmldom-entities.cjs: the `;` is required) — on the
// table scripts/shims/entities-table.cjs reads from `entities` at build time, instead of the
// package's 47 KB decode trie. The same answers for every string, as entities 4.5's
// lib/decode.js gives them (test/unit/package-shims.test.ts compares the two):
// - `&#` digits (`&#x` hex digits) then `;`: that code point, as entities' replaceCodePoint
//   replaces it; without the `;`, only in decodeHTML. No digit: the `&` stays.
// - `&name;` for a name of the list; in decodeHTML also the longest legacy name the letters after
//   `&` begin with (`&notit;` is `¬it;`).
// - Anything else: the `&` stays as it is, and the text after it is read on.
'use strict';
const { names: NAMES, replaced: REPLACED } = require('./entities-table.cjs');

/** name (with its `;`, or without it for a legacy name) → characters, read from NAMES at the first `&`. */
let named;
/** The longest legacy name's length. */
let legacyMax = 0;
let replaced;

function table() {
  if (named) return named;
  named = new Map();
  let before = '';
  for (let i = 0; i < NAMES.length; ) {
    const header = NAMES.charCodeAt(i) - 33;
    const space = NAMES.indexOf(' ', i + 1);
    const name = before.slice(0, header >> 2) + NAMES.slice(i + 1, space);
    const first = String.fromCodePoint(NAMES.codePointAt(space + 1));
    const value = header & 2 ? first + String.fromCodePoint(NAMES.codePointAt(space + 1 + first.length)) : first;
    named.set(`${name};`, value);
    if (header & 1) {
      named.set(name, value);
      legacyMax = Math.max(legacyMax, name.length);
    }
    i = space + 1 + value.length;
    before = name;
  }
  replaced = new Map(REPLACED);
  return named;
}

/** entities' fromCodePoint(replaceCodePoint(cp)). */
function character(cp) {
  const use = (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ? 0xfffd : (replaced.get(cp) ?? cp);
  return String.fromCodePoint(use);
}

const DECIMAL = /[0-9]*/y;
const HEX = /[0-9A-Fa-f]*/y;
const ALNUM = /[0-9A-Za-z]*/y;

/** The reference starting after the `&` at `from - 1`: [its length, `&` included, and its characters], or undefined when the `&` stays. */
function reference(str, from, strict) {
  if (str.charCodeAt(from) === 0x23 /* # */) {
    const hex = (str.charCodeAt(from + 1) | 0x20) === 0x78; /* x or X */
    const start = from + (hex ? 2 : 1);
    const digits = hex ? HEX : DECIMAL;
    digits.lastIndex = start;
    const run = digits.exec(str)[0];
    if (run === '') return undefined;
    const semicolon = str.charCodeAt(start + run.length) === 0x3b;
    if (!semicolon && strict) return undefined;
    // As entities computes it: 0 × base^digits + the digits' value (NaN past 308 decimal or 255 hex
    // digits, which String.fromCodePoint refuses with a RangeError, as it does there).
    const base = hex ? 16 : 10;
    const cp = 0 * Math.pow(base, run.length) + parseInt(run, base);
    return [start - from + 1 + run.length + (semicolon ? 1 : 0), character(cp)];
  }
  ALNUM.lastIndex = from;
  const run = ALNUM.exec(str)[0];
  if (str.charCodeAt(from + run.length) === 0x3b) {
    const value = named.get(`${run};`);
    if (value !== undefined) return [run.length + 2, value];
  }
  if (strict) return undefined;
  for (let n = Math.min(run.length, legacyMax); n > 0; n--) {
    const value = named.get(run.slice(0, n));
    if (value !== undefined) return [n + 1, value];
  }
  return undefined;
}

function decode(str, strict) {
  let at = str.indexOf('&');
  if (at < 0) return str;
  table();
  let out = '';
  let last = 0;
  for (; at >= 0; at = str.indexOf('&', at)) {
    const ref = reference(str, at + 1, strict);
    if (ref === undefined) {
      at += 1;
      continue;
    }
    out += str.slice(last, at) + ref[1];
    last = at += ref[0];
  }
  return out + str.slice(last);
}

/** entities' decodeHTML: legacy names need no `;` (its DecodingMode.Legacy, 0, and Strict, 1; not Attribute). */
exports.decodeHTML = (str, mode = 0) => {
  if (mode !== 0 && mode !== 1) throw new Error(`decodeHTML: mode ${mode} is not in policy-report's build (scripts/shims/entities-decode.cjs)`);
  return decode(str, mode === 1);
};
/** entities' decodeHTMLStrict: every reference ends with `;`. */
exports.decodeHTMLStrict = (str) => decode(str, true);
