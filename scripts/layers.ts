/**
 * The layers of the code, lowest first, in one place. A module imports only from its own layer or a
 * lower one, and the import graph has no cycle: test/unit/layers.test.ts builds the graph (type-only
 * imports included) over server/src and client/src and fails on any cycle or upward import, naming
 * the edge. docs/architecture.md ("Layers") describes the same table.
 *
 * A file belongs to the first layer one of whose patterns matches its path (a pattern ending in `/`
 * matches a folder); a file that matches none is itself an error, so a new file is placed on purpose.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface Layer {
  name: string;
  what: string;
  paths: string[];
}

export const layers: Layer[] = [
  {
    name: 'base',
    what: 'types, text (folding, line index), messages, work counter, cache registry, the workspace interface',
    paths: ['server/src/core/types.ts', 'server/src/core/text.ts', 'server/src/core/i18n.ts', 'server/src/core/work.ts', 'server/src/core/caches.ts', 'server/src/core/held-shapes.ts', 'server/src/core/yaml-errors.ts', 'server/src/core/workspace.ts'],
  },
  {
    name: 'syntax',
    what: 'markdown, front matter, blocks, sentences, figures, periods, binding; directives; export (plain and Word)',
    paths: [
      'server/src/core/parse/',
      'server/src/core/directives.ts',
      'server/src/core/export.ts',
      'server/src/core/agencies.ts',
      'server/src/core/ministries.ts',
      // Word out: the report as ND 30/2020 blocks and its .docx; a .docx read back (ooxml-read.ts, html.ts).
      'server/src/core/word/fields.ts',
      'server/src/core/word/model.ts',
      'server/src/core/word/docx.ts',
      'server/src/core/word/ooxml-write.ts',
      'server/src/core/word/ooxml-template.ts',
      'server/src/core/word/html.ts',
      'server/src/core/word/ooxml-read.ts',
      'server/src/core/word/ooxml-read-xml.ts',
      'server/src/core/word/properties.ts',
      'server/src/core/word/closing.ts',
      'server/src/core/word/guess.ts',
    ],
  },
  { name: 'catalog', what: 'the indicator catalog and its store', paths: ['server/src/core/catalog/', 'server/src/core/project.ts'] },
  {
    name: 'semantics',
    what: 'history, configuration, team snippets, the unmarked-indicator detector, the analysis and a regional rank\'s entry, the province-name reader',
    paths: ['server/src/core/history/', 'server/src/core/config.ts', 'server/src/core/snippets.ts', 'server/src/core/markup/', 'server/src/core/series.ts', 'server/src/core/series-doc.ts', 'server/src/core/analyze.ts', 'server/src/core/scope-member.ts', 'server/src/core/provinces.ts'],
  },
  { name: 'rules', what: 'one rule per file, the registry, the checker', paths: ['server/src/core/rules/', 'server/src/core/check.ts'] },
  { name: 'features', what: 'completion, hover, locate, history view; Word import (marked by the detector); the next draft', paths: ['server/src/core/features/', 'server/src/core/word/import.ts', 'server/src/core/new-draft.ts'] },
  { name: 'service', what: 'LanguageService, the one entry point of the hosts', paths: ['server/src/core/service.ts', 'server/src/core/service-options.ts', 'server/src/core/indexed.ts'] },
  { name: 'node', what: 'the Node host layer: guarded reads, walks, atomic writes, paths', paths: ['server/src/io/'] },
  {
    name: 'hosts',
    what: 'the LSP shell, the CLI, the VS Code client',
    paths: ['server/src/lsp/', 'server/src/cli/', 'server/src/cli.ts', 'server/src/server.ts', 'server/src/serve.ts', 'server/src/boot.ts', 'server/src/boot-env.ts', 'client/src/'],
  },
];

/** Folders whose .ts files make up the graph. */
export const graphRoots = ['server/src', 'client/src'];

/** The pure core: the layers up to the service import neither Node's modules nor VS Code's. */
export const PURE_LAYERS = ['base', 'syntax', 'catalog', 'semantics', 'rules', 'features', 'service'];

export interface Edge {
  from: string;
  to: string;
}

function sourceFiles(root: string, dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) sourceFiles(root, rel, out);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) out.push(rel);
  }
  return out;
}

/** The file a relative specifier names (repo-relative, `/`-separated), as the bundler resolves it. */
function resolve(root: string, from: string, spec: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const cand of [base, `${base}.ts`, `${base}/index.ts`]) {
    try {
      if (statSync(path.join(root, cand)).isFile()) return cand;
    } catch {
      // not this candidate
    }
  }
  return base;
}

/**
 * Every import between files of the repository, type-only imports included; `packages`: the
 * imports of packages (`to` is the package specifier).
 */
export function importGraph(root: string): { files: string[]; edges: Edge[]; packages: Edge[] } {
  const files = graphRoots.flatMap((d) => sourceFiles(root, d));
  const edges: Edge[] = [];
  const packages: Edge[] = [];
  for (const from of files) {
    const info = ts.preProcessFile(readFileSync(path.join(root, from), 'utf8'), true, true);
    const seen = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.push({ from, to: fileName });
        continue;
      }
      const to = resolve(root, from, fileName);
      if (!seen.has(to)) edges.push({ from, to });
      seen.add(to);
    }
  }
  return { files, edges, packages };
}

/** A package the pure core must not import: Node's own modules, VS Code and the LSP libraries. */
function hostOnly(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]) || /^vscode(-|$)/.test(spec);
}

/** The index in `layers` of a file's layer, or -1. */
export function layerOf(file: string): number {
  return layers.findIndex((l) => l.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p)));
}

/** The strongly connected components with more than one file (or a file importing itself). */
export function cycles(files: string[], edges: Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    on.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        if (!next.has(w)) continue;
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out;
}

/** Everything wrong with the graph, one line each: host modules in the core, unplaced files, upward edges, edges out of the roots, cycles. */
export function violations(root: string): string[] {
  const { files, edges, packages } = importGraph(root);
  const problems: string[] = [];
  for (const { from, to } of packages) {
    const layer = layers[layerOf(from)]?.name;
    if (layer && PURE_LAYERS.includes(layer) && hostOnly(to)) problems.push(`${from} -> ${to}: the pure core (${layer}) imports a host module`);
  }
  for (const f of files) if (layerOf(f) < 0) problems.push(`${f}: in no layer (scripts/layers.ts)`);
  for (const { from, to } of edges) {
    if (!graphRoots.some((r) => to.startsWith(`${r}/`))) {
      problems.push(`${from} -> ${to}: imports a file outside ${graphRoots.join(', ')}`);
      continue;
    }
    const a = layerOf(from);
    const b = layerOf(to);
    if (a >= 0 && b > a) problems.push(`${from} -> ${to}: upward import (${layers[a].name} -> ${layers[b].name})`);
  }
  for (const c of cycles(files, edges)) problems.push(`import cycle of ${c.length} files: ${c.join(', ')}`);
  return problems;
}
