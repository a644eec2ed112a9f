/**
 * The catalog in use: the embedded default, then a shared catalog file the user named
 * (`policyReport.catalogPath`, `--catalog`), then each workspace folder's
 * `.policy-report/indicators.yaml`, a later one overriding an earlier one's entries. A broken file
 * is reported on that file, and the last good version of it stays in use.
 */
import { Catalog } from './catalog/catalog';
import { loadDefaultCatalog, parseCatalogYaml } from './catalog/load';
import type { CatalogError, Indicator } from './catalog/types';
import { CATALOG_FILE, joinUri, type WorkspaceFiles } from './workspace';

interface CatalogFileState {
  /** Entries of the last version that loaded without errors (or the valid part of the first). */
  indicators: Indicator[];
  errors: CatalogError[];
  /** True once a version without errors was loaded. */
  good: boolean;
}

export class CatalogStore {
  private readonly files = new Map<string, CatalogFileState>();
  /** Made when first asked: the server starts the history's reading before the default catalog's YAML is parsed (lsp/server.ts). */
  private current: Catalog | undefined;

  constructor(private readonly workspace: WorkspaceFiles, private folders: string[] = []) {}

  /** The embedded default catalog (catalog/load.ts parses it once per process). */
  private get defaults(): Indicator[] {
    return loadDefaultCatalog();
  }

  get catalog(): Catalog {
    return (this.current ??= new Catalog(this.defaults));
  }

  /** The shared catalog file's URI, if one is set. */
  private extra: string | undefined;

  /** URIs of the catalog files in use, in merge order: the shared one, then the folders'. */
  catalogUris(): string[] {
    return [...(this.extra ? [this.extra] : []), ...this.folders.map((f) => joinUri(f, CATALOG_FILE))];
  }

  /**
   * The shared catalog (a file URI), or none. The caller has vetted it: the VS Code client honours a
   * path outside the workspace only from the user's own settings (client/src/catalog-path.ts).
   * Takes effect at the next reload. Returns true if it changed.
   */
  setExtra(uri: string | undefined): boolean {
    const next = uri || undefined;
    const changed = next !== this.extra;
    this.extra = next;
    return changed;
  }

  isCatalogUri(uri: string): boolean {
    return this.catalogUris().includes(uri) || uri.endsWith('/' + CATALOG_FILE);
  }

  setFolders(folders: string[]): void {
    this.folders = folders;
  }

  /** Reads every folder's catalog file through the workspace. */
  async reload(): Promise<void> {
    const seen = new Set<string>();
    for (const uri of this.catalogUris()) {
      seen.add(uri);
      const text = await this.workspace.readFile(uri);
      this.apply(uri, text);
    }
    for (const uri of [...this.files.keys()]) if (!seen.has(uri)) this.files.delete(uri);
    this.rebuild();
  }

  /** Takes a new version of one catalog file (from an editor buffer or the disk); undefined = deleted. */
  update(uri: string, text: string | undefined): void {
    this.apply(uri, text);
    this.rebuild();
  }

  /** Errors of each catalog file, to be shown as diagnostics on that file. */
  errors(): Map<string, CatalogError[]> {
    const out = new Map<string, CatalogError[]>();
    for (const [uri, s] of this.files) out.set(uri, s.errors);
    return out;
  }

  private apply(uri: string, text: string | undefined): void {
    if (text === undefined) {
      this.files.delete(uri);
      return;
    }
    const { indicators, errors } = parseCatalogYaml(text, uri);
    const previous = this.files.get(uri);
    if (errors.length && previous?.good) {
      // Keep what worked; the errors are still reported on the file.
      this.files.set(uri, { ...previous, errors });
    } else {
      this.files.set(uri, { indicators, errors, good: errors.length === 0 });
    }
  }

  private rebuild(): void {
    // The shared catalog first, then the folders' (and any other catalog file the editor sent).
    const known = this.catalogUris();
    const order = [...known, ...[...this.files.keys()].filter((u) => !known.includes(u))];
    const overrides = order.flatMap((uri) => this.files.get(uri)?.indicators ?? []);
    this.current = Catalog.merge(this.defaults, overrides);
  }
}
