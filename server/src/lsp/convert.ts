/** Core types to LSP types (and back where the protocol hands them in): no state, no IO. */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type InlayHint,
  type Range,
} from 'vscode-languageserver';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NameCompletion } from '../core/features/completion';
import type { Section } from '../core/parse/model';
import type { TeamSnippet } from '../core/snippets';
import type { Finding, FixData, Position, Severity } from '../core/types';
import { DEFAULT_CATALOG_URI } from '../core/catalog/load';
import { fileUri } from './files';

/** LSP's severities, made at the first finding: the server library loads with the server (scripts/shims/server-lazy.cjs). */
let severities: Record<Severity, DiagnosticSeverity> | undefined;
const severity = (s: Severity): DiagnosticSeverity =>
  (severities ??= { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint })[s];

/** Where the rule docs are, next to the bundle (out/server.js → docs/rules); looked up once per code. */
const docLinks = new Map<string, string | undefined>();
function ruleDocUri(code: string): string | undefined {
  if (!docLinks.has(code)) {
    const file = path.join(__dirname, '..', 'docs', 'rules', `${code}.md`);
    docLinks.set(code, existsSync(file) ? fileUri(file) : undefined);
  }
  return docLinks.get(code);
}

export function toDiagnostic(f: Finding): Diagnostic {
  const href = ruleDocUri(f.code);
  return {
    range: f.range,
    severity: severity(f.severity),
    code: f.code,
    codeDescription: href ? { href } : undefined,
    source: 'policy-report',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
    data: f.data,
  };
}

/** The diagnostics of the client's context that a finding produced (same code, same start). */
export function diagnosticsOf(finding: Finding, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === finding.code && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character);
}

/** A rule's quick fix as a code action on the document. */
export function fixAction(uri: string, finding: Finding, fix: FixData, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: diagnosticsOf(finding, diagnostics),
    isPreferred: fix.preferred,
    edit: { changes: { [uri]: fix.edits } },
  };
}

/** Names of the catalog after `[[`. */
export function nameCompletions(items: NameCompletion[]): { isIncomplete: boolean; items: CompletionItem[] } {
  return {
    isIncomplete: true,
    items: items.map((i) => ({
      label: i.label,
      kind: i.kind === 'canonical' ? CompletionItemKind.Value : CompletionItemKind.Reference,
      detail: i.detail,
      documentation: { kind: MarkupKind.Markdown, value: i.documentation },
      textEdit: { range: i.range, newText: i.newText },
      filterText: i.filterText,
      sortText: i.sortText,
      data: { id: i.indicatorId },
    })),
  };
}

/** The team's snippets, outside a reference (the built-in ones come from the extension manifest). */
export function snippetCompletions(snippets: TeamSnippet[]): { isIncomplete: boolean; items: CompletionItem[] } {
  return {
    isIncomplete: false,
    items: snippets.flatMap((sn) =>
      sn.prefixes.map((prefix) => ({
        label: prefix,
        kind: CompletionItemKind.Snippet,
        detail: `${sn.name}${sn.description ? ` — ${sn.description}` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: '```markdown\n' + sn.body + '\n```\n\n' + path.basename(fileURLToPath(sn.uri)) },
        insertText: sn.body,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `~${prefix}`,
      })),
    ),
  };
}

export function toSymbol(s: Section): DocumentSymbol {
  return { name: s.title, kind: SymbolKind.String, range: s.range, selectionRange: s.headingRange, children: s.children.map(toSymbol) };
}

export function toInlayHint(h: { position: Position; label: string; tooltip?: string }): InlayHint {
  return { position: h.position, label: h.label, tooltip: h.tooltip, kind: InlayHintKind.Parameter, paddingLeft: false };
}

/** An indicator's origin as a location: the embedded catalog as the file the build copies next to the bundle. */
export function catalogLocation(origin: { uri: string; range?: Range } | undefined): { uri: string; range: Range } | null {
  if (!origin) return null;
  let uri: string | undefined = origin.uri;
  if (uri === DEFAULT_CATALOG_URI) {
    const file = path.join(__dirname, 'default-catalog.yaml');
    uri = existsSync(file) ? fileUri(file) : undefined;
  }
  if (!uri) return null;
  return { uri, range: origin.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
