/**
 * What the fixture-driven tests of one construction class share (test/unit/series-round13.test.ts;
 * the earlier rounds' tests, list-round12.test.ts among them, may move here): a YAML list of cases
 * read from test/fixtures, a case's text marked by `markup` in one mode (as written when it holds
 * marks already), and a workspace's language service with its history indexed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../server/src/core/catalog';
import { detectMentions, markText } from '../server/src/core/markup';
import type { MarkMode } from '../server/src/core/markup/types';
import { LanguageService } from '../server/src/core/service';
import { InMemoryWorkspace } from '../server/src/core/workspace';
import { fixturesDir } from './helpers';

/** The cases of a YAML file under test/fixtures (`rel`: its path there). */
export function loadCases<T>(rel: string): T[] {
  return parseYaml(readFileSync(path.join(fixturesDir, rel), 'utf8')) as T[];
}

/** A report of `text` alone under a front matter of `period`, marked by `markup` in `mode` unless it holds marks already. */
export function markedReport(text: string, period: string, catalog: Catalog, mode: MarkMode): string {
  const source = ['---', `period: "${period}"`, '---', '', text, ''].join('\n');
  return text.includes('[[') ? source : markText(source, detectMentions(source, catalog, { mode }).mentions, mode);
}

/** A language service over `files` in `folder`, its catalog loaded and its history indexed (the section rules off). */
export async function indexedService(files: Record<string, string>, folder: string): Promise<LanguageService> {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return service;
}
