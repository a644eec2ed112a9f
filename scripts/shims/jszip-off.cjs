// jszip's modules for inputs and outputs the product never gives or asks (about 1.4 KB zipped), in
// their place in the bundles (scripts/build.mjs, plugin `jszip-off`): `base64.js` (a base64 string as
// input, `base64: true`, or as output, `type: 'base64'`), `reader/StringReader.js` (a zip given as a
// binary string), `nodejs/NodejsStreamInputAdapter.js` (an entry's data given as a Node stream) and
// `nodejs/NodejsStreamOutputAdapter.js` (`nodeStream()`, `generateNodeStream()`). Our callers
// (io/zip.ts, io/word.ts, core/word/ooxml-write.ts, ooxml-template.ts) load a zip from its bytes
// (a Buffer or Uint8Array), add entries as strings or bytes and ask for 'string', 'nodebuffer',
// 'uint8array' or a 'uint8array' zip: none of these modules runs for them. Each throws, saying why.
// test/unit/package-shims.test.ts holds the callers and jszip's own modules to that.
'use strict';

const off = (what) =>
  function () {
    throw new Error(`jszip's ${what} is not in policy-report (scripts/shims/jszip-off.cjs): the product gives zips and entries as bytes or strings, never as base64, a binary string or a stream`);
  };

/** What each module exports, by its path under jszip/lib. */
const OFF = {
  'base64.js': { encode: off('base64 encoding'), decode: off('base64 decoding') },
  'reader/StringReader.js': off('StringReader'),
  'nodejs/NodejsStreamInputAdapter.js': off('NodejsStreamInputAdapter'),
  'nodejs/NodejsStreamOutputAdapter.js': off('NodejsStreamOutputAdapter'),
};

module.exports = { OFF, jszipOff: (part) => OFF[part] };
