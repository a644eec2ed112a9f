#!/usr/bin/env node
// The policy-report command: check, figures, lsp. The code is the bundled CLI in out/.
const { main } = require('../out/cli.js');
main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`policy-report: ${String(e)}\n`);
    process.exitCode = 2;
  },
);
