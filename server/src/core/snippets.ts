/**
 * Team snippets: `.policy-report/snippets/*.json` or `*.code-snippets` in VS Code's snippet format,
 * offered by the language server beside the built-in ones. A snippet whose `scope` (a
 * `.code-snippets` field: language ids, comma-separated) names neither policy-report nor markdown
 * is for another language and is left out. A malformed file is reported on that file and hides
 * none of the others.
 */
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from './text';
import { jsonTooDeep } from './parse/guard';
import type { Range } from './types';
import { formatNumber, msg, type Msg } from './i18n';

export const SNIPPETS_DIR = '.policy-report/snippets';

/** A team snippet file's name: `*.json`, or `*.code-snippets` (VS Code's own name for shared snippet files, copied in as they are). */
export function isSnippetFileName(name: string): boolean {
  return /\.(json|code-snippets)$/i.test(name);
}

/** The glob of team snippet files under a folder, for file watchers. */
export const SNIPPET_GLOB = `**/${SNIPPETS_DIR}/*.{json,code-snippets}`;

/** The largest snippet file read (UTF-16 code units); a real one is a few kilobytes. */
export const MAX_SNIPPET_CHARS = 1024 * 1024;

export interface TeamSnippet {
  name: string;
  prefixes: string[];
  /** Snippet syntax (tab stops, placeholders), lines joined with \n. */
  body: string;
  description?: string;
  /** The file it comes from. */
  uri: string;
}

export interface SnippetProblem {
  range: Range;
  /** In both languages: the edge picks one. */
  message: Msg;
}

/** Parses one snippet file (JSON with comments, as VS Code allows); never throws. */
export function parseSnippetFile(text: string, uri: string): { snippets: TeamSnippet[]; problems: SnippetProblem[] } {
  const problems: SnippetProblem[] = [];
  // Refused before it is parsed: too large, or nested too deep for jsonc-parser (parse/guard.ts).
  if (text.length > MAX_SNIPPET_CHARS) {
    const mb = (n: number, lang: 'vi' | 'en'): string => formatNumber(n / (1024 * 1024), lang, 1);
    const zero = { line: 0, character: 0 };
    problems.push({
      range: { start: zero, end: zero },
      message: msg(
        `Tệp đoạn mẫu quá lớn, ${mb(text.length, 'vi')} triệu ký tự với giới hạn ${mb(MAX_SNIPPET_CHARS, 'vi')} triệu: tệp không được đọc.`,
        `The snippet file is too large, ${mb(text.length, 'en')} M characters with a limit of ${mb(MAX_SNIPPET_CHARS, 'en')} M: it is not read.`,
      ),
    });
    return { snippets: [], problems };
  }
  const lines = new LineIndex(text);
  const deep = jsonTooDeep(text);
  if (deep) {
    problems.push({ range: lines.range(deep.offset, deep.offset + 1), message: msg(`Tệp đoạn mẫu ${deep.vi}: tệp không được đọc.`, `The snippet file is ${deep.en}: it is not read.`) });
    return { snippets: [], problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) {
    problems.push({ range: lines.range(e.offset, e.offset + e.length), message: msg(`Tệp đoạn mẫu sai cú pháp JSON ở vị trí này (${printParseErrorCode(e.error)}).`, `Malformed snippet file: ${printParseErrorCode(e.error)}.`) });
  }
  const snippets: TeamSnippet[] = [];
  if (!root || root.type !== 'object') {
    if (!errors.length) problems.push({ range: lines.range(0, Math.min(text.length, 1)), message: msg('Tệp đoạn mẫu phải là một đối tượng JSON.', 'A snippet file must be a JSON object.') });
    return { snippets, problems };
  }
  for (const prop of root.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (!keyNode || !value) continue;
    const name = String(keyNode.value);
    const at = (n: Node) => lines.range(n.offset, n.offset + n.length);
    const bad = (n: Node, vi: string, en: string) => problems.push({ range: at(n), message: msg(`"${name}": ${vi}`, `"${name}": ${en}`) });
    if (value.type !== 'object') {
      bad(value, 'đoạn mẫu phải là một đối tượng có prefix và body', 'a snippet must be an object with prefix and body');
      continue;
    }
    const prefixNode = findNodeAtLocation(value, ['prefix']);
    const bodyNode = findNodeAtLocation(value, ['body']);
    const descNode = findNodeAtLocation(value, ['description']);
    const scopeNode = findNodeAtLocation(value, ['scope']);
    if (scopeNode?.type === 'string') {
      const scopes = String(scopeNode.value).split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
      if (scopes.length && !scopes.some((s) => s === 'policy-report' || s === 'markdown')) continue;
    }
    const strings = (n: Node | undefined): string[] | null => {
      if (!n) return null;
      if (n.type === 'string') return [String(n.value)];
      if (n.type === 'array' && (n.children ?? []).every((c) => c.type === 'string')) return (n.children ?? []).map((c) => String(c.value));
      return null;
    };
    const prefixes = strings(prefixNode);
    const body = strings(bodyNode);
    if (!prefixes || !prefixes.length) {
      bad(prefixNode ?? keyNode, 'thiếu `prefix` (chuỗi hoặc danh sách chuỗi)', '`prefix` is missing (a string or a list of strings)');
      continue;
    }
    if (!body) {
      bad(bodyNode ?? keyNode, 'thiếu `body` (chuỗi hoặc danh sách dòng)', '`body` is missing (a string or a list of lines)');
      continue;
    }
    snippets.push({ name, prefixes, body: body.join('\n'), description: descNode?.type === 'string' ? String(descNode.value) : undefined, uri });
  }
  return { snippets, problems };
}
