/**
 * No source file grows past MAX_LINES (issue 16: "the largest file is under 400 lines"). The files
 * still over it are listed below, each with why; the list can only shrink: an entry whose file is
 * gone or back under the limit fails the test until it is removed.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const MAX_LINES = 400;
const ROOTS = ['server/src', 'client/src'];

/** Files allowed over MAX_LINES for now. Remove an entry once its file is split; never add one. */
const OVER_LIMIT: ReadonlySet<string> = new Set([
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|cts)$/.test(e.name) ? [rel] : [];
  });
}

/** Lines as `wc -l` counts them. */
function lineCount(rel: string): number {
  return (readFileSync(path.join(repoRoot, rel), 'utf8').match(/\n/g) ?? []).length;
}

describe('file size', () => {
  const files = ROOTS.flatMap(sourceFiles);

  it(`keeps every file under server/src and client/src at ${MAX_LINES} lines or fewer, but the listed ones`, () => {
    assert.ok(files.length > 50, `${files.length} files`);
    const over = files.filter((f) => !OVER_LIMIT.has(f) && lineCount(f) > MAX_LINES).map((f) => `${f}: ${lineCount(f)} lines`);
    assert.deepEqual(over, [], `split these files (see docs/architecture.md)`);
  });

  it('lists only files that exist and are still over the limit (the list only shrinks)', () => {
    const stale = [...OVER_LIMIT].filter((f) => !files.includes(f) || lineCount(f) <= MAX_LINES);
    assert.deepEqual(stale, [], 'remove these entries from OVER_LIMIT');
  });
});
