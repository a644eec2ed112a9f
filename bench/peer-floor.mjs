// The floor: a child process that finds the same files, reads them and makes one regular-expression
// pass over each (references and numerals), printing the counts as JSON. No checker can do less.
import { readFileSync } from 'node:fs';
import { listReports } from './files.mjs';
import { floorPass } from './floor.mjs';

const files = listReports(process.argv[2] ?? '.');
const out = files.map((f) => ({ file: f, matches: floorPass(readFileSync(f, 'utf8')) }));
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
