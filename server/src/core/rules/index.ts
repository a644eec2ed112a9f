/** The rule registry: every rule the checker runs, in the order findings are reported. */
import type { Rule } from './rule';
import { frontMatterRule } from './front-matter';
import { unknownIndicator } from './unknown-indicator';
import { ambiguousIndicator } from './ambiguous-indicator';
import { unaccentedName } from './unaccented-name';
import { nonCanonicalName } from './non-canonical-name';
import { unitMismatch } from './unit-mismatch';
import { percentOutOfRange } from './percent-out-of-range';
import { countDecimals } from './count-decimals';
import { englishDecimal } from './english-decimal';
import { fractionExceedsWhole } from './fraction-exceeds-whole';

export type { Rule, RuleFinding } from './rule';

export const rules: readonly Rule[] = [
  frontMatterRule,
  unknownIndicator,
  ambiguousIndicator,
  unaccentedName,
  nonCanonicalName,
  unitMismatch,
  percentOutOfRange,
  countDecimals,
  englishDecimal,
  fractionExceedsWhole,
];

/** Findings about workspace files rather than reports: a broken catalog file. */
export const CATALOG_ERROR = {
  id: 'catalog-error',
  description: { vi: 'Tệp danh mục chỉ tiêu của workspace có lỗi.', en: 'The workspace indicator catalog file has an error.' },
  defaultSeverity: 'error' as const,
};

/** Every rule id with its metadata, the catalog check included (for docs, settings and SARIF). */
export const ruleMetadata = [...rules.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity })), CATALOG_ERROR];
