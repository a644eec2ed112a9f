// What a V8 heap snapshot holds, by kind and by object shape (issue #15's live heap):
//   node --max-old-space-size=3000 bench/heap-shapes.mjs FILE.heapsnapshot [--top N] [--arrays]
// FILE: a snapshot of the server (scripts/readspeed.mjs cold DIR --snapshot writes one after the
// first index, into DIR/heap/). Prints the self size (MB) and count of each node kind (type and
// constructor), then of each plain object and array by its property names (a history entry, a
// figure, an origin, a position: which fields it holds), with the out-of-object properties and
// elements each shape keeps beside it. `--arrays`: the arrays' elements by the edge that holds
// them (`.figures`, `.interval`, …; a shared array counted once per edge). Self sizes only: no
// dominator tree, so what a part keeps alive through others is not summed here.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) {
  process.stderr.write('usage: heap-shapes.mjs FILE.heapsnapshot [--top N] [--arrays]\n');
  process.exit(2);
}
const top = Number(args[args.indexOf('--top') + 1]) || 40;
const snap = JSON.parse(readFileSync(file, 'utf8'));
const { node_fields: nf, edge_fields: ef, node_types: [types], edge_types: [edgeTypes] } = snap.snapshot.meta;
const { nodes, edges, strings } = snap;
const N = nf.length, E = ef.length;
const TYPE = nf.indexOf('type'), NAME = nf.indexOf('name'), SIZE = nf.indexOf('self_size'), EDGES = nf.indexOf('edge_count');
const ETYPE = ef.indexOf('type'), ENAME = ef.indexOf('name_or_index'), ETO = ef.indexOf('to_node');
const MB = 1024 * 1024;

/** Adds `size` (and `extra`) to `key`'s row of `map`. */
function add(map, key, size, extra = 0) {
  const row = map.get(key) ?? [0, 0, 0];
  row[0] += size;
  row[1]++;
  row[2] += extra;
  map.set(key, row);
}

function print(title, map, extraTitle) {
  console.log(`\n${title}: MB${extraTitle ? `, ${extraTitle} MB` : ''}, count`);
  for (const [key, [size, count, extra]] of [...map].sort((a, b) => b[1][0] + b[1][2] - (a[1][0] + a[1][2])).slice(0, top)) {
    console.log(`${(size / MB).toFixed(2).padStart(8)}${extraTitle ? (extra / MB).toFixed(2).padStart(8) : ''}${String(count).padStart(9)}  ${key}`);
  }
}

const kinds = new Map(), shapes = new Map(), held = new Map();
const isPlain = (i) => types[nodes[i + TYPE]] === 'object' && (strings[nodes[i + NAME]] === 'Object' || strings[nodes[i + NAME]] === 'Array');
// The elements' size of each array node (for --arrays), by node index.
const elements = new Map();
let total = 0;
for (let i = 0, e = 0; i < nodes.length; e += nodes[i + EDGES] * E, i += N) {
  const type = types[nodes[i + TYPE]];
  const name = strings[nodes[i + NAME]];
  const size = nodes[i + SIZE];
  total += size;
  add(kinds, /string/.test(type) ? type : `${type} ${name.slice(0, 50)}`, size);
  if (!isPlain(i)) continue;
  const keys = [];
  let beside = 0;
  for (let j = e; j < e + nodes[i + EDGES] * E; j += E) {
    const et = edgeTypes[edges[j + ETYPE]];
    if (et === 'property') keys.push(strings[edges[j + ENAME]]);
    else if (et === 'internal') {
      const to = edges[j + ETO];
      if (types[nodes[to + TYPE]] === 'array' || strings[nodes[to + NAME]] === 'system / PropertyArray') beside += nodes[to + SIZE];
    }
  }
  add(shapes, `${name}{${keys.filter((k) => k !== '__proto__').slice(0, 16).join(',')}}`, size, beside);
  if (name === 'Array') elements.set(i, beside);
}
console.log(`${file}: ${(total / MB).toFixed(1)} MB of self sizes`);
print('by kind', kinds);
print('plain objects and arrays by shape (out-of-object properties and elements beside)', shapes, 'beside');
if (args.includes('--arrays')) {
  for (let i = 0, e = 0; i < nodes.length; e += nodes[i + EDGES] * E, i += N) {
    for (let j = e; j < e + nodes[i + EDGES] * E; j += E) {
      const size = elements.get(edges[j + ETO]);
      const et = edgeTypes[edges[j + ETYPE]];
      if (size === undefined || et === 'weak' || strings[edges[j + ENAME]] === '__proto__') continue;
      const by = types[nodes[i + TYPE]] === 'object' ? strings[nodes[i + NAME]] : types[nodes[i + TYPE]];
      add(held, `${by.slice(0, 40)} .${et === 'element' || et === 'hidden' ? '[i]' : strings[edges[j + ENAME]]}`, size);
    }
  }
  print('arrays by the edge that holds them (elements)', held);
}
