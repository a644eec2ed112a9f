/** VS Code's `policyReport.*` settings, as the core's configuration layer. */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyConfig } from '../core/config';
import type { Lang } from '../core/i18n';
import type { RuleSetting } from '../core/types';
import { fileUri } from './files';

/** VS Code's `policyReport.*` settings; null or 'auto' means "not set here" (config.yaml decides). */
export interface Settings {
  language?: 'auto' | Lang | null;
  debounceMs?: number | null;
  rules?: Record<string, RuleSetting> | null;
  requiredSections?: string[] | null;
  history?: { include?: string[]; exclude?: string[] } | null;
  largeMovementShare?: number | null;
  /** A shared catalog file, already vetted by the client (client/src/catalog-path.ts). */
  catalogPath?: string | null;
}

/** The shared catalog's URI from the setting: a file URI, an absolute path, or a path relative to the first folder. */
export function catalogUriOf(value: unknown, folders: string[]): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  if (/^file:\/\//i.test(v)) return v;
  if (path.isAbsolute(v)) return fileUri(v);
  return folders[0] ? fileUri(path.resolve(fileURLToPath(folders[0]), v)) : undefined;
}

export function toConfig(s: Settings | null | undefined): PolicyConfig {
  const c: PolicyConfig = {};
  if (!s) return c;
  if (s.language === 'vi' || s.language === 'en') c.language = s.language;
  if (typeof s.debounceMs === 'number' && s.debounceMs >= 0) c.debounceMs = s.debounceMs;
  if (s.rules && typeof s.rules === 'object') c.rules = s.rules;
  if (Array.isArray(s.requiredSections)) c.requiredSections = s.requiredSections.filter((x) => typeof x === 'string');
  if (s.history && typeof s.history === 'object') c.history = s.history;
  if (typeof s.largeMovementShare === 'number' && s.largeMovementShare > 0) c.largeMovementShare = s.largeMovementShare;
  return c;
}
