// The peer, run as the CLI is: a child process that finds the same files, lints each with
// markdownlint's API (default configuration) and prints the results as JSON.
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
import { listReports } from './files.mjs';

const files = listReports(process.argv[2] ?? '.');
const strings = {};
for (const f of files) strings[f] = readFileSync(f, 'utf8');
const results = lint({ strings });
const out = [];
for (const [file, errors] of Object.entries(results)) for (const e of errors) out.push({ file, line: e.lineNumber, rule: e.ruleNames[0], message: e.ruleDescription });
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
