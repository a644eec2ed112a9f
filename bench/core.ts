/** The core, for the benchmark's in-process measurements (bundled by bench/build.mjs). */
export { LanguageService } from '../server/src/core/service';
export { InMemoryWorkspace } from '../server/src/core/workspace';
export { parseReport } from '../server/src/core/parse/document';
export { analyze } from '../server/src/core/analyze';
export { checkAnalysis } from '../server/src/core/check';
export { rules } from '../server/src/core/rules';
export { clearContentCaches } from '../server/src/core/caches';
export { parseMarkdown } from '../server/src/core/parse/guard';
export { chunkStarts } from '../server/src/core/parse/chunks';
