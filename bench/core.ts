/** The core, for the benchmark's in-process measurements (bundled by bench/build.mjs). */
export { LanguageService } from '../server/src/core/service';
export { InMemoryWorkspace } from '../server/src/core/workspace';
export { parseReport } from '../server/src/core/parse/document';
export { analyze } from '../server/src/core/analyze';
export { checkAnalysis } from '../server/src/core/check';
export { rules } from '../server/src/core/rules';
export { clearContentCaches } from '../server/src/core/caches';
export { parseMarkdown, defuseMarkdown } from '../server/src/core/parse/guard';
// The parser before markdown-it (micromark), kept for the parsers part only (not shipped).
export { micromarkTree } from '../test/unit/micromark-tree';
export { chunkStarts } from '../server/src/core/parse/chunks';
// The first index's reading of one report (bench/cold-read.mjs) and the index worker's collections.
export { readForHistory } from '../server/src/core/indexed';
export { forgetHistoryReadings } from '../server/src/core/parse/binding';
export { GrowthCollector } from '../server/src/lsp/collect';
// The default catalog's parse as the catalog worker posts it and the server restores it (bench: first diagnostics' chain).
export { defaultCatalogParsed, restoreDefaultCatalog } from '../server/src/core/catalog/load';
export { nameIndex } from '../server/src/core/markup/name-index';
