/**
 * The language service's options and what it keeps per open document (service.ts).
 */
import type { Analysis } from './analyze';
import type { CheckOptions } from './check';
import type { Lang } from './i18n';
import type { Finding } from './types';
import type { WorkspaceFiles } from './workspace';

export interface ServiceOptions {
  workspace: WorkspaceFiles;
  /** Workspace folder URIs; each may have a `.policy-report/indicators.yaml`. */
  folders?: string[];
  lang?: Lang;
  severities?: CheckOptions['severities'];
  /**
   * Keep the chunk models of the reports indexed for the history in the parser's bounded cache, so
   * that checking the same reports right after parses them no second time (the CLI). The server
   * leaves it off: reports that are not open are read once.
   */
  rememberIndexed?: boolean;
}

/** An open document's version, its analysis and findings, and what they were computed against. */
export interface CacheEntry {
  version: number | string;
  text: string;
  analysis: Analysis;
  catalogGeneration: number;
  findings?: Finding[];
  /** A partial check's findings (checkReport `defer`): every rule's but the `deferred` ones'. */
  first?: { findings: Finding[]; deferred: (rule: string) => boolean };
  /** History and config generations the findings were computed against. */
  historyGeneration?: number;
  configGeneration?: number;
  /** The history holds what `analysis` contributes (setReport was given it, or one the same for the history). */
  inHistory?: boolean;
  /** The chunks the version before had and this one does not, cached one version more (caches.ts forgetReplaced). */
  replaced?: string[];
}
