/** The core's history reading, for scripts/readspeed.mjs (bundled by it; not shipped). */
export { readForHistory } from '../server/src/core/indexed';
export { clearContentCaches } from '../server/src/core/caches';
export { parseReport } from '../server/src/core/parse/document';
export { LanguageService } from '../server/src/core/service';
export { InMemoryWorkspace } from '../server/src/core/workspace';
