/** Paths shared by the tests. Test bundles live in out/test/<kind>/, three levels below the root. */
import * as path from 'node:path';

/** The repository root, found from the bundled test's location. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** test/fixtures in the source tree. */
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
/**
 * The one wall-clock limit of the tests: mocha's (.mocharc `timeout`, the same number), a backstop
 * for a hang, never a measure of speed (CI runs on a loaded machine). A child run with spawnSync
 * blocks mocha's timer, so it gets this limit of its own: a hung child fails its test instead of
 * stopping the suite.
 */
export const HANG_MS = 600_000;
