// `lie`, the Promise polyfill jszip requires only where no Promise exists (lib/external.js): Node has
// one, so the bundles alias `lie` to it (scripts/build.mjs).
'use strict';
module.exports = Promise;
