/**
 * The layers import only downward (scripts/layers.ts, docs/architecture.md "Layers"): the import
 * graph over server/src and client/src, type-only imports included, has no cycle, no upward edge
 * and no edge out of those folders; every file is in a layer; the pure core imports neither Node's
 * modules nor VS Code's.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cycles, importGraph, layerOf, layers, violations } from '../../scripts/layers';
import { repoRoot } from '../helpers';

describe('import layers', () => {
  it('has no cycle, no upward import, no file outside a layer and no host module in the core', () => {
    assert.deepEqual(violations(repoRoot), []);
  });

  it('sees the imports it checks (type-only and re-exports included)', () => {
    const { files, edges } = importGraph(repoRoot);
    assert.ok(files.length > 50, `${files.length} files`);
    const has = (from: string, to: string) => edges.some((e) => e.from === from && e.to === to);
    assert.ok(has('server/src/core/config.ts', 'server/src/core/types.ts'), 'import type');
    assert.ok(has('server/src/core/markup/index.ts', 'server/src/core/markup/detect.ts'), 'export … from');
    assert.ok(has('server/src/cli.ts', 'server/src/cli/catalog.ts'), 'import()');
    for (const f of files) assert.ok(layerOf(f) >= 0, f);
    assert.equal(new Set(layers.map((l) => l.name)).size, layers.length);
  });

  it('names the edge of an upward import, a cycle, an import from outside the roots and a host module in the core', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
    try {
      const put = (rel: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        writeFileSync(path.join(root, rel), text);
      };
      put('client/src/extension.ts', "import { x } from '../../server/src/core/types';\n");
      put('server/src/core/types.ts', "import type { Rule } from './rules/rule';\nexport const x = 1;\n");
      put('server/src/core/rules/rule.ts', "import { x } from '../types';\nexport type Rule = typeof x;\n");
      put('server/src/core/text.ts', "import data from '../../../snippets/a.json';\nexport const t = data;\n");
      put('server/src/core/i18n.ts', "import { readFileSync } from 'node:fs';\nimport type { Connection } from 'vscode-languageserver';\nimport * as path from 'path';\nexport const r = readFileSync;\n");
      const found = violations(root);
      assert.ok(found.includes('server/src/core/types.ts -> server/src/core/rules/rule.ts: upward import (base -> rules)'), found.join('\n'));
      assert.ok(found.includes('server/src/core/text.ts -> snippets/a.json: imports a file outside server/src, client/src'), found.join('\n'));
      assert.ok(found.includes('import cycle of 2 files: server/src/core/rules/rule.ts, server/src/core/types.ts'), found.join('\n'));
      assert.ok(found.includes('server/src/core/i18n.ts -> node:fs: the pure core (base) imports a host module'), found.join('\n'));
      assert.ok(found.includes('server/src/core/i18n.ts -> vscode-languageserver: the pure core (base) imports a host module'), found.join('\n'));
      assert.ok(found.includes('server/src/core/i18n.ts -> path: the pure core (base) imports a host module'), found.join('\n'));
      assert.equal(found.length, 6, found.join('\n'));
      put('server/src/core/stray.ts', 'export {};\n');
      assert.ok(violations(root).includes('server/src/core/stray.ts: in no layer (scripts/layers.ts)'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds every cycle, self-imports included', () => {
    const files = ['a', 'b', 'c', 'd', 'e'];
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'a' },
      { from: 'c', to: 'd' },
      { from: 'e', to: 'e' },
    ];
    assert.deepEqual(cycles(files, edges).map((c) => c.join(' ')).sort(), ['a b c', 'e']);
  });
});
