/**
 * The language service: the one entry point the LSP shell and the CLI call. It owns the catalog
 * store and a per-document cache keyed by version, so a request never parses the same text twice.
 */
import { analyze, type Analysis } from './analyze';
import { checkAnalysis, type CheckOptions } from './check';
import { completeNames, type NameCompletion } from './features/completion';
import { hover } from './features/hover';
import { overlaps } from './features/locate';
import type { Lang } from './i18n';
import { parseReport } from './parse/document';
import type { ReportDocument, Section } from './parse/model';
import { CatalogStore } from './project';
import type { Finding, FixData, Position, Range } from './types';
import type { WorkspaceFiles } from './workspace';

export interface ServiceOptions {
  workspace: WorkspaceFiles;
  /** Workspace folder URIs; each may have a `.policy-report/indicators.yaml`. */
  folders?: string[];
  lang?: Lang;
  severities?: CheckOptions['severities'];
}

interface CacheEntry {
  version: number | string;
  text: string;
  analysis: Analysis;
  catalogGeneration: number;
  findings?: Finding[];
}

export class LanguageService {
  readonly catalogs: CatalogStore;
  lang: Lang;
  severities: CheckOptions['severities'];
  private readonly cache = new Map<string, CacheEntry>();
  private generation = 0;

  constructor(options: ServiceOptions) {
    this.catalogs = new CatalogStore(options.workspace, options.folders ?? []);
    this.lang = options.lang ?? 'vi';
    this.severities = options.severities;
  }

  /** Re-reads the workspace catalog files; every cached analysis becomes stale. */
  async reloadCatalog(): Promise<void> {
    await this.catalogs.reload();
    this.generation++;
  }

  /** A new version of one catalog file (an editor buffer or a watcher event). */
  updateCatalogFile(uri: string, text: string | undefined): void {
    this.catalogs.update(uri, text);
    this.generation++;
  }

  /** Changes the settings that findings depend on. */
  configure(options: { lang?: Lang; severities?: CheckOptions['severities'] }): void {
    if (options.lang) this.lang = options.lang;
    if (options.severities) this.severities = options.severities;
    for (const e of this.cache.values()) e.findings = undefined;
  }

  /** The analysis of a document version, parsed at most once per (version, catalog). */
  analysis(uri: string, text: string, version: number | string = text.length): Analysis {
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.text === text) {
      if (hit.catalogGeneration !== this.generation) {
        hit.analysis = analyze(hit.analysis.doc, this.catalogs.catalog);
        hit.catalogGeneration = this.generation;
        hit.findings = undefined;
      }
      return hit.analysis;
    }
    const doc = parseReport(text, uri);
    const entry: CacheEntry = { version, text, analysis: analyze(doc, this.catalogs.catalog), catalogGeneration: this.generation };
    this.cache.set(uri, entry);
    return entry.analysis;
  }

  document(uri: string, text: string, version?: number | string): ReportDocument {
    return this.analysis(uri, text, version).doc;
  }

  /** Findings of one document version. */
  check(uri: string, text: string, version?: number | string): Finding[] {
    const analysis = this.analysis(uri, text, version);
    const entry = this.cache.get(uri)!;
    if (!entry.findings) entry.findings = checkAnalysis(analysis, { lang: this.lang, severities: this.severities });
    return entry.findings;
  }

  /** Findings on the workspace catalog files (rule `catalog-error`), with the configured severity. */
  catalogFindings(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    const severity = this.severities?.['catalog-error'] ?? 'error';
    for (const [uri, errors] of this.catalogs.errors()) {
      out.set(uri, severity === 'off' ? [] : errors.map((e) => ({ code: 'catalog-error', severity, range: e.range, message: e.message })));
    }
    return out;
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }

  completion(uri: string, text: string, pos: Position, version?: number | string): NameCompletion[] | null {
    return completeNames(this.document(uri, text, version), pos, this.catalogs.catalog, this.lang);
  }

  hover(uri: string, text: string, pos: Position, version?: number | string): { markdown: string; range: Range } | null {
    return hover(this.analysis(uri, text, version), pos, this.lang);
  }

  sections(uri: string, text: string, version?: number | string): Section[] {
    return this.document(uri, text, version).sections;
  }

  /** Quick fixes of the findings that overlap `range`, each with the finding it fixes. */
  fixes(uri: string, text: string, range: Range, version?: number | string): Array<{ finding: Finding; fix: FixData }> {
    return this.check(uri, text, version)
      .filter((f) => f.fixes?.length && overlaps(f.range, range))
      .flatMap((finding) => finding.fixes!.map((fix) => ({ finding, fix })));
  }
}
