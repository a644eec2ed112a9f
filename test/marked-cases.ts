/**
 * What the fixture-driven tests of one construction class share (test/unit/series-round13.test.ts;
 * the earlier rounds' tests, list-round12.test.ts among them, may move here): a YAML list of cases
 * read from test/fixtures, a case's text marked by `markup` in one mode (as written when it holds
 * marks already). (An indexed service: test/unit/indexed-service.ts.)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../server/src/core/catalog';
import { detectMentions, markText } from '../server/src/core/markup';
import type { MarkMode } from '../server/src/core/markup/types';
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
