/** The indicator catalog: types, the YAML loader with the embedded default, and the resolver. */
export type { Indicator, NameMatch, CatalogError, Target, MeasureType, RankScope, CompilerPeriod, EditionDenominator, CatalogDocument } from './types';
export {
  parseCatalogYaml,
  loadDefaultCatalog,
  defaultCatalogErrors,
  defaultCatalogSource,
  defaultCatalogDocuments,
  isWebAddress,
  RANK_SCOPES,
  type ParsedCatalog,
  DEFAULT_CATALOG_URI,
  MEASURE_TYPES,
  UNIT_CLASSES,
  INDICATOR_ID_PATTERN,
} from './load';
export { Catalog, spellingKey, foldKey, splitCompiler, variantOf } from './catalog';
