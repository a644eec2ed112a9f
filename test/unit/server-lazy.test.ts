/**
 * scripts/shims/server-lazy.cjs: our server's modules see vscode-languageserver through it (scripts/build.mjs,
 * serverLazy), so the bundle's modules load at once without a lazy start of their own and the library still
 * loads only with the server. Compared here with the library itself; the built bundle checked as it loads.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const SHIM = path.join(repoRoot, 'scripts', 'shims', 'server-lazy.cjs');

/** Runs `code` in a fresh Node (a module cache of its own) and returns what it prints, parsed. */
function fresh(code: string): unknown {
  const r = spawnSync(process.execPath, ['-e', code], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

/** Prints whether the server library (or the protocol library it requires) is in the module cache. */
const LOADED = "const loaded = () => Object.keys(require.cache).some((f) => /vscode-languageserver[\\\\/]lib|lsp-protocol\\.js$/.test(f));";

describe('the server library evaluated at its first use (scripts/shims/server-lazy.cjs)', () => {
  it('answers every name the library exports with the library\'s own value', () => {
    const load = createRequire(SHIM);
    const lib = load('vscode-languageserver/lib/node/main.js') as Record<string, unknown>;
    const shim = load(SHIM) as Record<string, unknown>;
    const names = Object.keys(lib);
    assert.ok(names.includes('createConnection') && names.includes('CodeActionKind') && names.length > 100, `${names.length} names`);
    assert.deepEqual(names.filter((k) => shim[k] !== lib[k]), []);
    assert.equal(shim.__esModule, true);
  });

  it('loads the library at the first name read, not before', () => {
    const seen = fresh(`${LOADED} const s = require(${JSON.stringify(SHIM)}); const before = loaded(); const kind = s.CodeActionKind.QuickFix; console.log(JSON.stringify([before, loaded(), kind]));`);
    assert.deepEqual(seen, [false, true, 'quickfix']);
  });

  it('out/cli.js loads without the server library (the CLI\'s commands, the index worker, the client), which `lsp` loads', () => {
    const cli = path.join(repoRoot, 'out', 'cli.js');
    assert.deepEqual(fresh(`${LOADED} const c = require(${JSON.stringify(cli)}); console.log(JSON.stringify([typeof c.main, loaded()]));`), ['function', false]);
  });

  it("the bench's CLI bundle (bench/build.mjs) loads without the server library too", function () {
    this.timeout(120000);
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
    try {
      const r = spawnSync(process.execPath, ['-e', `import('./bench/build.mjs').then((m) => m.build(${JSON.stringify(dir)}))`], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      // (bundled whole, the library is no file of its own: its transports' `net` module tells it was evaluated)
      assert.deepEqual(fresh(`const c = require(${JSON.stringify(path.join(dir, 'cli.js'))}); console.log(JSON.stringify([typeof c.main, process.moduleLoadList.includes('NativeModule net')]));`), ['function', false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('out/cli.js has no module behind esbuild\'s lazy initializer (a require() or import() of one of our modules wraps all it reaches: +8 KiB zipped)', () => {
    const code = readFileSync(path.join(repoRoot, 'out', 'cli.js'), 'utf8');
    assert.equal(code.match(/\b__esm\(/g)?.length ?? 0, 0);
  });
});
