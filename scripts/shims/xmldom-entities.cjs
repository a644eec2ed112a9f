// @xmldom/xmldom's lib/entities.js (0.8.x) on the decoder markdown-it already brings into the same
// bundle (scripts/shims/entities-decode.cjs, as `entities`): both are the WHATWG list of named
// character references, so the CLI need not carry xmldom's 29 KB copy of the table beside the
// decoder's (scripts/build.mjs resolves xmldom's `./entities` here). xmldom reads the maps only by name: `Object.hasOwnProperty.call(map,
// name)`, then `map[name]` (lib/sax.js entityReplacer, for `&name;`) and `map.nbsp`. HTML_ENTITIES
// answers those for every name `&name;` decodes to in HTML (decodeHTMLStrict: the `;` is required),
// and for no other; test/unit/package-shims.test.ts compares it with xmldom's table, name by name.
'use strict';
const { decodeHTMLStrict } = require('./entities-decode.cjs');

const freeze = (o) => Object.freeze(o);

exports.XML_ENTITIES = freeze({ amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' });

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const known = new Map();
/** The character(s) `&name;` stands for in HTML, or undefined. */
function lookup(name) {
  if (typeof name !== 'string' || !NAME.test(name)) return undefined;
  if (!known.has(name)) {
    const ref = `&${name};`;
    const decoded = decodeHTMLStrict(ref);
    known.set(name, decoded === ref ? undefined : decoded);
  }
  return known.get(name);
}

exports.HTML_ENTITIES = new Proxy(Object.create(null), {
  get: (target, name) => lookup(name),
  has: (target, name) => lookup(name) !== undefined,
  getOwnPropertyDescriptor: (target, name) => {
    const value = lookup(name);
    return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
  },
  // Read-only, as xmldom's frozen table (the target stays extensible: a proxy of a frozen object cannot report names it lacks).
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
});
exports.entityMap = exports.HTML_ENTITIES;
