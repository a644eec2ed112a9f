/**
 * The language service: the one entry point the LSP shell and the CLI call. It owns the catalog
 * store and a per-document cache keyed by version, so a request never parses the same text twice.
 */
import { analyze, reinferSeries, sameForHistory, withConfig, type Analysis } from './analyze';
import { checkAnalysis, mergeFindings, type CheckOptions } from './check';
import { completeNames, type NameCompletion } from './features/completion';
import { hover } from './features/hover';
import { overlaps, referenceAt } from './features/locate';
import { previousValueHints } from './features/history-view';
import type { Indicator } from './catalog/types';
import type { Mention } from './history/history';
import { pick, type Lang, type Msg } from './i18n';
import { chunksOf, parseReport } from './parse/document';
import { forgetChunks, forgetReplaced, keptChunks } from './caches';
import type { ReportDocument, Section } from './parse/model';
import { CatalogStore } from './project';
import type { Finding, FixData, Position, Range } from './types';
import { joinUri } from './workspace';
import { HistoryIndex } from './history/history';
import type { Snapshot } from './history/snapshot';
import { IndexedReports, type HistoryReader, type IndexProgress } from './indexed';
import { FIGURES_FILE } from './history/csv';
import { CONFIG_FILE, inHistory, mergeConfig, parseConfigYaml, type ConfigError, type PolicyConfig } from './config';
import { ruleMetadata } from './rules';
import type { CacheEntry, ServiceOptions } from './service-options';
import { isSnippetFileName, parseSnippetFile, SNIPPETS_DIR, type SnippetProblem, type TeamSnippet } from './snippets';

export type { ServiceOptions } from './service-options';

export class LanguageService {
  readonly catalogs: CatalogStore;
  /** Figures of every report of the workspace and of figures.csv, for the checks across sessions. */
  readonly history = new HistoryIndex();
  lang: Lang;
  severities: CheckOptions['severities'];
  private readonly cache = new Map<string, CacheEntry>();
  /** Reports of the workspace that are not open (indexed.ts). */
  private readonly indexed: IndexedReports;
  private generation = 0;
  private folders: string[];
  /** `.policy-report/config.yaml` of each folder, by its URI. */
  private readonly configFiles = new Map<string, { config: PolicyConfig; errors: ConfigError[] }>();
  /** The editor's settings per workspace folder ('' = for every folder). */
  private readonly editorSettings = new Map<string, PolicyConfig>();
  private configGeneration = 0;
  /** Team snippet files, by URI. */
  private readonly snippetFiles = new Map<string, { snippets: TeamSnippet[]; problems: SnippetProblem[] }>();

  constructor(private readonly options: ServiceOptions) {
    this.folders = options.folders ?? [];
    this.catalogs = new CatalogStore(options.workspace, this.folders);
    this.lang = options.lang ?? 'vi';
    this.severities = options.severities;
    this.indexed = new IndexedReports({
      history: this.history,
      catalog: () => this.catalogs.catalog,
      generation: () => this.generation,
      isOpen: (uri) => this.cache.has(uri),
      countsAsHistory: (uri) => this.countsAsHistory(uri),
      rememberParse: options.rememberIndexed ?? false,
    });
  }

  /** Reports parsed and read from the snapshot since the last restoreSnapshot (for the status). */
  get indexStats(): { parsed: number; restored: number } {
    return this.indexed.stats;
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
    this.catalogs.setFolders(folders);
  }

  /** URIs of the workspace folders' figures.csv files. */
  figuresUris(): string[] {
    return this.folders.map((f) => joinUri(f, FIGURES_FILE));
  }

  /** Re-reads the workspace catalog files; every cached analysis becomes stale. */
  async reloadCatalog(): Promise<void> {
    await this.catalogs.reload();
    this.catalogChanged();
  }

  /** A new version of one catalog file (an editor buffer or a watcher event). */
  updateCatalogFile(uri: string, text: string | undefined): void {
    this.catalogs.update(uri, text);
    this.catalogChanged();
  }

  private catalogChanged(): void {
    this.generation++;
    this.indexed.recatalog();
    for (const e of this.cache.values()) this.analysis(e.analysis.doc.uri, e.text, e.version);
    this.history.recatalog(this.catalogs.catalog);
  }

  /**
   * Reads every report and figures.csv of the workspace folders into the history. Open documents
   * (in the cache) keep their unsaved text. `progress` is told after each report how many of how
   * many are done (the server's work-done progress), and awaited. With a `reader` (the server's
   * worker thread) the reports are read and parsed there and enter the history all at once
   * (IndexedReports.readAll) once `settled` resolves: the reading may start before the catalog loads.
   */
  async indexWorkspace(progress?: IndexProgress, reader?: HistoryReader, settled?: Promise<unknown>): Promise<void> {
    const list = this.options.workspace.listReports;
    if (!list) return;
    const uris: string[] = [];
    for (const folder of this.folders) {
      for (const uri of await list.call(this.options.workspace, folder)) if (this.countsAsHistory(uri)) uris.push(uri);
    }
    const seen = new Set(uris);
    if (reader) await this.indexed.readAll(uris, reader, progress, settled);
    else {
      await settled;
      for (let i = 0; i < uris.length; i++) {
        if (!this.cache.has(uris[i])) {
          const text = await this.options.workspace.readFile(uris[i]);
          if (text !== undefined) this.indexText(uris[i], text);
        }
        await progress?.(i + 1, uris.length);
      }
    }
    for (const uri of this.indexed.uris()) {
      if (!seen.has(uri)) this.removeFile(uri);
    }
    for (const uri of this.figuresUris()) this.history.setCsv(uri, await this.options.workspace.readFile(uri), this.catalogs.catalog);
    this.indexed.restoreDone();
  }

  /** Whether a report is part of the history (`history.include` / `history.exclude` of its folder). */
  countsAsHistory(uri: string): boolean {
    const folder = this.folderOf(uri);
    if (!folder) return true;
    return inHistory(decodeURIComponent(uri.slice(folder.replace(/\/+$/, '').length + 1)), this.configFor(uri));
  }

  /** A report's text as it is on disk (a file not open in the editor): created or changed. */
  indexText(uri: string, text: string): void {
    this.indexed.indexText(uri, text);
  }

  /**
   * Reports indexed from now on whose text is the one saved in `snapshot` are read from it, not
   * parsed (call before indexWorkspace). The snapshot comes from `snapshot()` of the same build.
   */
  restoreSnapshot(snapshot: Snapshot | null): void {
    this.indexed.restore(snapshot);
  }

  /** The indexed reports, for the next session's restoreSnapshot. `build` names this build. */
  snapshot(build: string): Snapshot {
    return this.indexed.snapshot(build);
  }

  /** `JSON.stringify(snapshot(build))` in pieces, one report at a time (what the server writes). */
  snapshotJson = (build: string): Iterable<string> => this.indexed.snapshotJson(build);

  /** A figures.csv changed or was deleted. */
  updateFiguresCsv(uri: string, text: string | undefined): void {
    this.history.setCsv(uri, text, this.catalogs.catalog);
  }

  /** A report was deleted (or renamed away). */
  removeFile(uri: string): void {
    this.indexed.delete(uri);
    this.cache.delete(uri);
    this.history.remove(uri);
  }

  /** Changes the settings that findings depend on. */
  configure(options: { lang?: Lang; severities?: CheckOptions['severities'] }): void {
    if (options.lang) this.lang = options.lang;
    if (options.severities) this.severities = options.severities;
    this.configGeneration++;
  }

  /** Reads every folder's `.policy-report/config.yaml`. */
  async reloadConfig(): Promise<void> {
    this.configFiles.clear();
    for (const f of this.folders) {
      const uri = joinUri(f, CONFIG_FILE);
      const text = await this.options.workspace.readFile(uri);
      if (text !== undefined) this.configFiles.set(uri, parseConfigYaml(text, ruleMetadata.map((r) => r.id)));
    }
    this.configGeneration++;
  }

  /** A new version of a config.yaml (an editor buffer or a watcher event); undefined = deleted. */
  updateConfigFile(uri: string, text: string | undefined): void {
    if (text === undefined) this.configFiles.delete(uri);
    else this.configFiles.set(uri, parseConfigYaml(text, ruleMetadata.map((r) => r.id)));
    this.configGeneration++;
  }

  /** Reads every folder's `.policy-report/snippets/*.json` and `*.code-snippets`. */
  async reloadSnippets(): Promise<void> {
    this.snippetFiles.clear();
    const list = this.options.workspace.listDir;
    if (!list) return;
    for (const f of this.folders) {
      for (const uri of await list.call(this.options.workspace, joinUri(f, SNIPPETS_DIR))) {
        if (!isSnippetFileName(uri)) continue;
        const text = await this.options.workspace.readFile(uri);
        if (text !== undefined) this.snippetFiles.set(uri, parseSnippetFile(text, uri));
      }
    }
  }

  /** A snippet file was created, changed (buffer or disk) or deleted (undefined). */
  updateSnippetFile(uri: string, text: string | undefined): void {
    if (text === undefined) this.snippetFiles.delete(uri);
    else this.snippetFiles.set(uri, parseSnippetFile(text, uri));
  }

  /** Every team snippet of the folder of `uri` (all folders when it is in none). */
  teamSnippets(uri: string): TeamSnippet[] {
    const folder = this.folderOf(uri);
    return [...this.snippetFiles.entries()].filter(([u]) => !folder || u.startsWith(folder.replace(/\/+$/, '') + '/')).flatMap(([, f]) => f.snippets);
  }

  /** The editor's settings for a workspace folder ('' for all folders). */
  setEditorSettings(folder: string, settings: PolicyConfig): void {
    this.editorSettings.set(folder, settings);
    this.configGeneration++;
  }

  /** The folder a URI belongs to (the longest matching folder), or ''. */
  folderOf(uri: string): string {
    return this.folders.filter((f) => uri.startsWith(f.replace(/\/+$/, '') + '/')).sort((a, b) => b.length - a.length)[0] ?? '';
  }

  /** Effective settings for a document: config.yaml of its folder, then the editor's settings. */
  configFor(uri: string): PolicyConfig {
    const folder = this.folderOf(uri);
    const file = folder ? this.configFiles.get(joinUri(folder, CONFIG_FILE))?.config : undefined;
    return mergeConfig({ rules: this.severities as PolicyConfig['rules'] }, file, this.editorSettings.get(''), folder ? this.editorSettings.get(folder) : undefined);
  }

  /** The language of messages for a document. */
  langFor(uri: string): Lang {
    const l = this.configFor(uri).language;
    return l === 'vi' || l === 'en' ? l : this.lang;
  }

  /** The analysis of a document version, parsed at most once per (version, catalog). */
  analysis(uri: string, text: string, version: number | string = text.length): Analysis {
    const hit = this.cache.get(uri);
    if (hit && hit.version === version && hit.text === text) {
      if (hit.catalogGeneration !== this.generation) {
        hit.analysis = (analyze(hit.analysis.doc, this.catalogs.catalog, this.history));
        hit.catalogGeneration = this.generation;
        hit.findings = undefined;
        hit.first = undefined;
        hit.inHistory = this.countsAsHistory(uri);
        if (hit.inHistory) this.history.setReport(hit.analysis);
      }
      return hit.analysis;
    }
    const doc = parseReport(text, uri);
    const entry: CacheEntry = { version, text, analysis: (analyze(doc, this.catalogs.catalog, this.history)), catalogGeneration: this.generation };
    this.cache.set(uri, entry);
    if (hit) entry.replaced = forgetReplaced(chunksOf(hit.analysis.doc), chunksOf(doc), hit.replaced);
    // An open document's unsaved text is what the other reports are checked against (a keystroke
    // that moved no figure, reference or line leaves the history as it is: sameForHistory).
    entry.inHistory = this.countsAsHistory(uri);
    if (entry.inHistory && !(hit?.inHistory && sameForHistory(hit.analysis, entry.analysis))) this.history.setReport(entry.analysis);
    return entry.analysis;
  }

  document(uri: string, text: string, version?: number | string): ReportDocument {
    return this.analysis(uri, text, version).doc;
  }

  /** Findings of one document version. */
  check(uri: string, text: string, version?: number | string): Finding[] {
    return this.checkReport(uri, text, version).findings;
  }

  /**
   * Findings of one document version, and whether checking it changed the history (its own
   * figures, or a shared name settled anew): then the reports that depend on it are to be
   * checked again. `defer`: the rules that may wait (the server's first diagnostics,
   * lsp/sync.ts checkOpenNow): the findings of the others only (`partial`), kept; the next check
   * of the same version runs the deferred rules alone and gives every finding.
   */
  checkReport(uri: string, text: string, version?: number | string, defer?: (rule: string) => boolean): { findings: Finding[]; historyChanged: boolean; partial?: boolean } {
    const before = this.history.generation;
    this.analysis(uri, text, version);
    const entry = this.cache.get(uri)!;
    if (!entry.findings || entry.historyGeneration !== this.history.generation || entry.configGeneration !== this.configGeneration) {
      // A partial check's findings, if nothing they were computed against changed since.
      const first = entry.historyGeneration === this.history.generation && entry.configGeneration === this.configGeneration ? entry.first : undefined;
      entry.first = undefined;
      // A shared name the history decides: decided against the history as it is now.
      const settled = entry.historyGeneration !== this.history.generation ? reinferSeries(entry.analysis, this.history) : null;
      if (settled) {
        entry.analysis = settled;
        entry.inHistory = this.countsAsHistory(uri);
        if (entry.inHistory) this.history.setReport(settled);
      }
      const config = this.configFor(uri);
      const analysis = withConfig(entry.analysis, config);
      const options = { lang: this.langFor(uri), severities: config.rules };
      if (defer) entry.first = first ?? { findings: checkAnalysis(analysis, options, (id) => !defer(id)), deferred: defer };
      else entry.findings = first ? mergeFindings(first.findings, checkAnalysis(analysis, options, first.deferred)) : checkAnalysis(analysis, options);
      entry.historyGeneration = this.history.generation;
      entry.configGeneration = this.configGeneration;
    }
    const historyChanged = this.history.generation !== before;
    return entry.findings ? { findings: entry.findings, historyChanged } : { findings: entry.first!.findings, historyChanged, partial: true };
  }

  /** Findings on the workspace data files (catalog, figures.csv, snippets: rule `catalog-error`; config.yaml: `config-error`), with the configured severity. */
  catalogFindings(): Map<string, Finding[]> {
    const out = new Map<string, Finding[]>();
    const add = (uri: string, errors: Array<{ range: Range; message: string | Msg }>, code = 'catalog-error') => {
      const severity = this.configFor(uri).rules?.[code] ?? 'error';
      const lang = this.langFor(uri);
      out.set(uri, severity === 'off' ? [] : errors.map((e) => ({ code, severity, range: e.range, message: typeof e.message === 'string' ? e.message : pick(e.message, lang) })));
    };
    for (const [uri, errors] of this.catalogs.errors()) add(uri, errors);
    // figures.csv and config.yaml are workspace data like the catalog: their errors are reported the same way.
    for (const [uri, problems] of this.history.csvProblems()) add(uri, problems);
    for (const [uri, c] of this.configFiles) add(uri, c.errors, 'config-error');
    for (const [uri, f] of this.snippetFiles) add(uri, f.problems);
    return out;
  }

  /**
   * Forgets a closed document; its history comes back from `diskText` if given, else it leaves the
   * history. Says whether the history changed (its dependants are to be checked again). `released`
   * is called once its analysis and chunks are let go, before the disk text is read (lsp/collect.ts).
   */
  forget(uri: string, diskText?: string, released?: () => void): { historyChanged: boolean } {
    const before = this.history.generation;
    // Its chunks' models and prose units leave the content caches (a closed 1 MB draft's: tens of MB).
    const pieces = this.cache.get(uri) && chunksOf(this.cache.get(uri)!.analysis.doc);
    // (but those another open document still has: its next keystroke would derive them anew)
    if (pieces) {
      const others = [...this.cache].filter(([u]) => u !== uri).map(([, e]) => chunksOf(e.analysis.doc));
      forgetChunks([...pieces.map((p) => p.chunk), ...(this.cache.get(uri)!.replaced ?? [])], keptChunks(others));
    }
    this.cache.delete(uri);
    released?.();
    if (diskText !== undefined) this.indexed.closedText(uri, diskText);
    else if (!this.indexed.has(uri)) this.history.remove(uri);
    else this.history.setReport(this.indexed.boundOf(uri)!);
    return { historyChanged: this.history.generation !== before };
  }

  completion(uri: string, text: string, pos: Position, version?: number | string): NameCompletion[] | null {
    return completeNames(this.document(uri, text, version), pos, this.catalogs.catalog, this.langFor(uri));
  }

  hover(uri: string, text: string, pos: Position, version?: number | string): { markdown: string; range: Range } | null {
    return hover(this.analysis(uri, text, version), pos, this.langFor(uri));
  }

  sections(uri: string, text: string, version?: number | string): Section[] {
    return this.document(uri, text, version).sections;
  }

  /** The indicator of the reference under the cursor. */
  indicatorAt(uri: string, text: string, pos: Position, version?: number | string): Indicator | null {
    return referenceAt(this.analysis(uri, text, version), pos)?.indicator ?? null;
  }

  /** Every reference, in every report of the workspace, to the indicator under the cursor. */
  references(uri: string, text: string, pos: Position, version?: number | string): Mention[] {
    const indicator = this.indicatorAt(uri, text, pos, version);
    return indicator ? this.history.citing(indicator.id) : [];
  }

  /** Inlay hints: the previous session's value after each bound figure. */
  inlayHints(uri: string, text: string, range: Range, version?: number | string) {
    return previousValueHints(this.analysis(uri, text, version), this.langFor(uri)).filter(
      (h) => h.position.line >= range.start.line && h.position.line <= range.end.line,
    );
  }

  /** Quick fixes of the findings that overlap `range`, each with the finding it fixes. */
  fixes(uri: string, text: string, range: Range, version?: number | string): Array<{ finding: Finding; fix: FixData }> {
    return this.check(uri, text, version)
      .filter((f) => f.fixes?.length && overlaps(f.range, range))
      .flatMap((finding) => finding.fixes!.map((fix) => ({ finding, fix })));
  }
}
