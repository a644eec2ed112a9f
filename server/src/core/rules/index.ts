/** The rule registry: every rule the checker runs, in the order findings are reported. */
import type { Msg } from '../i18n';
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
import { figureConflict } from './figure-conflict';
import { stockDecrease } from './stock-decrease';
import { impliedBaseConflict } from './implied-base-conflict';
import { denominatorMismatch } from './denominator-mismatch';
import { seriesOutlier } from './series-outlier';
import { largeMovement } from './large-movement';
import { fractionPercentMismatch } from './fraction-percent-mismatch';
import { partsTotalMismatch } from './parts-total-mismatch';
import { rankChangeMismatch } from './rank-change-mismatch';
import { targetClaim } from './target-claim';
import { wrongSeries } from './wrong-series';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { unmarkedIndicator } from './unmarked-indicator';

export type { Rule, RuleFinding, RuleMeta } from './rule';

export const rules: readonly Rule[] = [
  frontMatterRule,
  missingSection,
  sectionOrder,
  unknownIndicator,
  ambiguousIndicator,
  unaccentedName,
  nonCanonicalName,
  unitMismatch,
  percentOutOfRange,
  countDecimals,
  englishDecimal,
  fractionExceedsWhole,
  unmarkedIndicator,
  // Within one sentence or table row.
  fractionPercentMismatch,
  partsTotalMismatch,
  rankChangeMismatch,
  // Against earlier sessions, figures.csv and the catalog's targets.
  figureConflict,
  wrongSeries,
  stockDecrease,
  impliedBaseConflict,
  denominatorMismatch,
  seriesOutlier,
  largeMovement,
  targetClaim,
];

/** Findings about workspace files rather than reports: a broken catalog file. */
export const CATALOG_ERROR = {
  id: 'catalog-error',
  description: { vi: 'Tệp danh mục chỉ tiêu của workspace có lỗi.', en: 'The workspace indicator catalog file has an error.' },
  defaultSeverity: 'error' as const,
};

/** Findings about `.policy-report/config.yaml`: an unknown key or rule id (with a did-you-mean), a bad value. */
export const CONFIG_ERROR = {
  id: 'config-error',
  description: { vi: 'Tệp cấu hình .policy-report/config.yaml có lỗi.', en: 'The workspace settings file .policy-report/config.yaml has an error.' },
  defaultSeverity: 'error' as const,
};

/** A file the CLI cannot read (binary, not UTF-8, too large, not a regular file): not checked. */
export const UNREADABLE_FILE = {
  id: 'unreadable-file',
  description: { vi: 'Tệp báo cáo không đọc được nên không được kiểm tra.', en: 'A report file cannot be read, so it is not checked.' },
  defaultSeverity: 'error' as const,
};

/** Every rule id with its metadata, the catalog and file checks included (for docs, settings and SARIF). */
export const ruleMetadata = [
  ...rules.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.severity, messages: meta.messages as Readonly<Record<string, Msg>> })),
  CATALOG_ERROR,
  CONFIG_ERROR,
  UNREADABLE_FILE,
];
