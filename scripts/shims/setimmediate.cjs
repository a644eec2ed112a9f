// `setimmediate`, the polyfill jszip (lib/utils.js) loads for browsers without setImmediate: Node has
// it, and the polyfill itself does nothing where it exists, so the bundles alias it to this empty
// module (scripts/build.mjs).
'use strict';
