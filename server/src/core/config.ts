/**
 * Settings a team shares: `.policy-report/config.yaml` (JSON Schema: schemas/config.schema.json),
 * the same keys as VS Code's `policyReport.*` settings, read by the server and the CLI alike.
 */
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { distinctYamlErrors } from './yaml-errors';
import { LineIndex } from './text';
import { yamlRefusal } from './parse/guard';
import type { Range, RuleSetting } from './types';
import { distance } from 'fastest-levenshtein';
import { msg, type Msg } from './i18n';

export const CONFIG_FILE = '.policy-report/config.yaml';

/** The standard sections of a session report, in their standard order. */
export const STANDARD_SECTIONS = ['Kết quả đạt được', 'Tồn tại, hạn chế', 'Nguyên nhân', 'Nhiệm vụ, giải pháp trọng tâm', 'Kết luận, chỉ đạo'];

export interface PolicyConfig {
  /** Language of messages: auto (the editor's display language or the locale), vi, en. */
  language?: 'auto' | 'vi' | 'en';
  debounceMs?: number;
  /** Severity per rule id. */
  rules?: Record<string, RuleSetting>;
  /** Sections every report must have, in order (titles as headings write them). */
  requiredSections?: string[];
  /** Which files count as history: glob patterns relative to the workspace folder. */
  history?: { include?: string[]; exclude?: string[] };
  /** Rule `large-movement`: the share (0.2 = 20%) a value may move from the previous reported one. */
  largeMovementShare?: number;
}

export interface ConfigError {
  range: Range;
  /** In both languages: the edge picks the document's language. */
  message: Msg;
}

/** The keys config.yaml accepts. */
export const CONFIG_KEYS = ['language', 'debounceMs', 'rules', 'requiredSections', 'history', 'largeMovementShare'];

/** The closest of `known` to a misspelt `word` (at most a third of its letters off), if any. */
export function didYouMean(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** The [start, end] offsets of a YAML node, if it has them. */
function rangeOf(node: unknown): [number, number] | undefined {
  const r = (node as { range?: number[] } | null | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** The largest config.yaml read (a real one is under 2 K). */
export const MAX_CONFIG_CHARS = 1024 * 1024;

/** Reads config.yaml; never throws. Unknown keys and bad values are errors; valid keys are kept. */
export function parseConfigYaml(text: string, knownRules: string[]): { config: PolicyConfig; errors: ConfigError[] } {
  const lines = new LineIndex(text);
  const errors: ConfigError[] = [];
  const config: PolicyConfig = {};
  const err = (range: [number, number] | undefined, vi: string, en: string) =>
    errors.push({ range: lines.range(range?.[0] ?? 0, range?.[1] ?? 0), message: msg(vi, en) });
  // Not parsed at all when it could stall or end the process (the yaml package recurses per level).
  const refusal = yamlRefusal(text, MAX_CONFIG_CHARS);
  if (refusal) {
    err(undefined, `config.yaml ${refusal.vi}: tệp không được dùng.`, `config.yaml is ${refusal.en}: it is not used.`);
    return { config, errors };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  // The YAML library's explanation is English: the Vietnamese message says where, not why.
  for (const e of distinctYamlErrors(doc.errors)) err([e.pos[0], e.pos[1]], `config.yaml sai cú pháp YAML ở vị trí này; sửa rồi lưu lại.`, `Malformed config.yaml: ${e.message}`);
  if (doc.errors.length || doc.contents === null) return { config, errors };
  if (!isMap(doc.contents)) {
    err(rangeOf(doc.contents), 'config.yaml phải là một bảng "khóa: giá trị".', 'config.yaml must be a mapping of keys to values.');
    return { config, errors };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const range = rangeOf(pair.value) ?? rangeOf(pair.key);
    const value = pair.value && typeof pair.value === 'object' && 'toJSON' in pair.value ? (pair.value as { toJSON(): unknown }).toJSON() : pair.value;
    switch (key) {
      case 'language':
        if (value === 'auto' || value === 'vi' || value === 'en') config.language = value;
        else err(range, '`language` phải là auto, vi hoặc en.', '`language` must be auto, vi or en.');
        break;
      case 'debounceMs':
        if (typeof value === 'number' && value >= 0 && value <= 5000) config.debounceMs = value;
        else err(range, '`debounceMs` phải là một số từ 0 đến 5.000.', '`debounceMs` must be a number from 0 to 5,000.');
        break;
      case 'rules': {
        if (!isMap(pair.value)) {
          err(range, '`rules` phải là bảng "mã quy tắc: mức độ".', '`rules` must map rule ids to severities.');
          break;
        }
        config.rules = {};
        for (const r of pair.value.items) {
          const id = isScalar(r.key) ? String(r.key.value) : '';
          const sev = isScalar(r.value) ? String(r.value.value) : '';
          const rr = rangeOf(r.value) ?? rangeOf(r.key);
          const near = knownRules.includes(id) ? undefined : didYouMean(id, knownRules);
          if (!knownRules.includes(id))
            err(
              rangeOf(r.key),
              `Không có quy tắc "${id}"${near ? `; có phải "${near}"?` : '; xem danh sách trong docs/rules.'}`,
              `There is no rule "${id}"${near ? `; did you mean "${near}"?` : '; see the list in docs/rules.'}`,
            );
          else if (!SEVERITIES.has(sev)) err(rr, `Mức độ "${sev}" không hợp lệ: dùng off, hint, information, warning hoặc error.`, `The severity "${sev}" is not valid: use off, hint, information, warning or error.`);
          else config.rules[id] = sev as RuleSetting;
        }
        break;
      }
      case 'requiredSections':
        if (isSeq(pair.value) && (value as unknown[]).every((x) => typeof x === 'string')) config.requiredSections = value as string[];
        else err(range, '`requiredSections` phải là danh sách tiêu đề mục.', '`requiredSections` must be a list of section titles.');
        break;
      case 'history': {
        const h = value as { include?: unknown; exclude?: unknown } | null;
        const list = (x: unknown) => x === undefined || (Array.isArray(x) && x.every((s) => typeof s === 'string' && s.length <= 500));
        if (h && typeof h === 'object' && list(h.include) && list(h.exclude)) config.history = { include: h.include as string[] | undefined, exclude: h.exclude as string[] | undefined };
        else err(range, '`history` cần `include` và `exclude` là danh sách mẫu glob.', '`history` needs `include` and `exclude` lists of glob patterns.');
        break;
      }
      case 'largeMovementShare':
        if (typeof value === 'number' && value > 0 && value <= 10) config.largeMovementShare = value;
        else err(range, '`largeMovementShare` phải là số lớn hơn 0 và không quá 10 (0,2 = 20%).', '`largeMovementShare` must be a number above 0 and at most 10 (0.2 = 20%).');
        break;
      default: {
        const near = didYouMean(key, CONFIG_KEYS);
        err(
          rangeOf(pair.key),
          `config.yaml không có khóa "${key}"${near ? `; có phải "${near}"?` : `; các khóa là ${CONFIG_KEYS.join(', ')}.`}`,
          `config.yaml has no key "${key}"${near ? `; did you mean "${near}"?` : `; the keys are ${CONFIG_KEYS.join(', ')}.`}`,
        );
      }
    }
  }
  return { config, errors };
}

/** Later layers win; `rules` are merged rule by rule. */
export function mergeConfig(...layers: Array<PolicyConfig | undefined>): PolicyConfig {
  const out: PolicyConfig = {};
  for (const l of layers) {
    if (!l) continue;
    if (l.language !== undefined) out.language = l.language;
    if (l.debounceMs !== undefined) out.debounceMs = l.debounceMs;
    if (l.requiredSections !== undefined) out.requiredSections = l.requiredSections;
    if (l.history !== undefined) out.history = l.history;
    if (l.largeMovementShare !== undefined) out.largeMovementShare = l.largeMovementShare;
    if (l.rules) out.rules = { ...(out.rules ?? {}), ...l.rules };
  }
  return out;
}

/**
 * Glob matching for `history.include/exclude`: `**` any path, `*` any characters but `/`, `?` one.
 * Dynamic programming over pattern × path: O(pattern × path) whatever the pattern, never
 * exponential (a workspace file cannot make matching slow).
 */
export function globMatch(pattern: string, path: string): boolean {
  const p = pattern.replace(/^\.\//, '');
  const tokens: Array<'**' | '*' | '?' | string> = [];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '*' && p[i + 1] === '*') {
      tokens.push('**');
      i++;
      if (p[i + 1] === '/') i++; // "**/" also matches nothing
    } else if (p[i] === '*') tokens.push('*');
    else if (p[i] === '?') tokens.push('?');
    else tokens.push(p[i]);
  }
  let prev = new Uint8Array(path.length + 1);
  prev[0] = 1;
  for (const t of tokens) {
    const next = new Uint8Array(path.length + 1);
    if (t === '**') {
      let any = 0;
      for (let j = 0; j <= path.length; j++) {
        any = any | prev[j];
        next[j] = any;
      }
    } else if (t === '*') {
      // next[j]: some k ≤ j with prev[k] and no '/' in path[k..j).
      let run = 0;
      for (let j = 0; j <= path.length; j++) {
        if (j > 0 && path[j - 1] === '/') run = 0;
        if (prev[j]) run = 1;
        next[j] = run;
      }
    } else {
      for (let j = 1; j <= path.length; j++) next[j] = prev[j - 1] && (t === '?' ? path[j - 1] !== '/' : path[j - 1] === t) ? 1 : 0;
    }
    prev = next;
  }
  return prev[path.length] === 1;
}

/** Is a workspace-relative path part of the history under this config? */
export function inHistory(relativePath: string, config: PolicyConfig): boolean {
  const include = config.history?.include ?? ['**/*.report.md'];
  const exclude = config.history?.exclude ?? [];
  return include.some((g) => globMatch(g, relativePath)) && !exclude.some((g) => globMatch(g, relativePath));
}
