/** Paths shared by the tests. Test bundles live in out/test/<kind>/, three levels below the root. */
import * as path from 'node:path';

/** The repository root, found from the bundled test's location. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** test/fixtures in the source tree. */
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
