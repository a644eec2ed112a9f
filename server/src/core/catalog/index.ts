/** The indicator catalog: types, the YAML loader with the embedded default, and the resolver. */
export type { Indicator, NameMatch, CatalogError, Target, MeasureType } from './types';
export {
  parseCatalogYaml,
  loadDefaultCatalog,
  defaultCatalogErrors,
  defaultCatalogSource,
  DEFAULT_CATALOG_URI,
  MEASURE_TYPES,
  UNIT_CLASSES,
  INDICATOR_ID_PATTERN,
} from './load';
export { Catalog, spellingKey, foldKey, splitCompiler } from './catalog';
