// The language server's node options as the extension starts it (client/src/extension.ts
// SERVER_NODE_OPTIONS), for the bench scripts that start the server or measure its core in process.
import { readFileSync } from 'node:fs';

export function shippedNodeArgs() {
  const src = readFileSync(new URL('../client/src/extension.ts', import.meta.url), 'utf8');
  const m = /const SERVER_NODE_OPTIONS\s*=\s*\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('SERVER_NODE_OPTIONS not found in client/src/extension.ts');
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}
