// pako's streaming Deflate and Inflate, as jszip (lib/flate.js) uses them, on Node's own zlib: the
// bundles run in Node, so the 46 KB JavaScript port of zlib that jszip carries for browsers is not
// shipped (scripts/build.mjs aliases `pako` here). jszip calls `new pako.Deflate|Inflate({ raw, level })`,
// then `push(chunk, false)` for every chunk and `push([], true)` at the end, and reads the output
// through `onData`. The input is gathered and (de)compressed at the end, in one call; a corrupt
// stream throws zlib's error, which jszip's worker passes on as the read's failure.
'use strict';
const zlib = require('node:zlib');

class Flate {
  constructor(inflate, options = {}) {
    this.inflate = inflate;
    this.raw = !!options.raw;
    this.level = typeof options.level === 'number' ? options.level : -1;
    this.chunks = [];
    this.onData = () => {};
  }

  push(data, last) {
    if (data && data.length) this.chunks.push(Buffer.from(data));
    if (!last) return true;
    const input = Buffer.concat(this.chunks);
    this.chunks = [];
    const out = this.inflate
      ? (this.raw ? zlib.inflateRawSync : zlib.inflateSync)(input)
      : (this.raw ? zlib.deflateRawSync : zlib.deflateSync)(input, { level: this.level });
    this.onData(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
    return true;
  }
}

class Deflate extends Flate {
  constructor(options) {
    super(false, options);
  }
}
class Inflate extends Flate {
  constructor(options) {
    super(true, options);
  }
}

module.exports = { Deflate, Inflate };
