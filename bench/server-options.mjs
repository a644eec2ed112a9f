// The language server's node options as the extension starts it (client/src/server-options.ts
// SERVER_NODE_OPTIONS, the one place they are set), for the bench scripts that start the server or
// measure its core in process.
import { readFileSync } from 'node:fs';

export function shippedNodeArgs() {
  const src = readFileSync(new URL('../client/src/server-options.ts', import.meta.url), 'utf8');
  const m = /export const SERVER_NODE_OPTIONS\s*=\s*\[([^\]]*)\]/.exec(src);
  if (!m) throw new Error('SERVER_NODE_OPTIONS not found in client/src/server-options.ts');
  return [...m[1].matchAll(/'([^']*)'/g)].map((x) => x[1]);
}

/** The language server's environment as the extension sets it (client/src/server-options.ts SERVER_ENV: malloc's settings). */
export function shippedEnv() {
  const src = readFileSync(new URL('../client/src/server-options.ts', import.meta.url), 'utf8');
  const m = /export const SERVER_ENV[^=]*=\s*\{([^}]*)\}/.exec(src);
  if (!m) return {};
  return Object.fromEntries([...m[1].matchAll(/(\w+):\s*'([^']*)'/g)].map((x) => [x[1], x[2]]));
}
