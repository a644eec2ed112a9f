/**
 * The rule fixtures (test/fixtures/rules/<rule-id>/): each folder that holds reports is a workspace
 * (its `*.report.md` files, with `.policy-report/config.yaml` and `figures.csv` if there), either
 * the rule's folder itself or a sub-folder of it (one scenario across sessions each). Every report
 * marks the findings it expects inline, in markdownlint's manner: `<!-- expect: rule-id, rule-id -->`
 * on the line where they occur (or `# expect: rule-id` inside YAML front matter, or
 * `<!-- expect@LINE: rule-id -->` for a finding on another line, LINE 1-based).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../server/src/core/service';
import { InMemoryWorkspace } from '../server/src/core/workspace';
import { fixturesDir } from './helpers';

export const ruleFixturesDir = path.join(fixturesDir, 'rules');

/** "line:code" for every expectation marked in the text (lines 0-based). */
export function expectations(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect(?:@(\d+))?:\s*([^>]*?)-->|#\s*expect:\s*(.*)$/g)) {
      const at = m[1] ? Number(m[1]) - 1 : i;
      const list = (m[2] ?? m[3] ?? '').replace(/\(.*\)/, '');
      for (const code of list.split(',').map((s) => s.trim()).filter(Boolean)) out.push(`${at}:${code}`);
    }
  });
  return out.sort();
}

export interface FixtureWorkspace {
  /** The rule the folder is for (its folder name under test/fixtures/rules). */
  rule: string;
  dir: string;
}

/** Every fixture workspace, in path order. */
export function fixtureWorkspaces(): FixtureWorkspace[] {
  const out: FixtureWorkspace[] = [];
  const hasReports = (dir: string) => readdirSync(dir).some((f) => f.endsWith('.report.md'));
  for (const rule of readdirSync(ruleFixturesDir).sort()) {
    const dir = path.join(ruleFixturesDir, rule);
    if (!statSync(dir).isDirectory()) continue;
    if (hasReports(dir)) out.push({ rule, dir });
    for (const sub of readdirSync(dir).sort()) {
      const d = path.join(dir, sub);
      if (!sub.startsWith('.') && statSync(d).isDirectory() && hasReports(d)) out.push({ rule, dir: d });
    }
  }
  return out;
}

/** The section rules: the other fixtures are fragments of reports, checked with these off. */
const SECTION_RULES = ['missing-section', 'section-order'];

/**
 * A fixture workspace loaded as the editor and the CLI load one: config, catalog, and the history of
 * every report in it. Without a config.yaml, the section rules are off except in their own fixtures.
 */
export async function loadWorkspace(ws: FixtureWorkspace) {
  const folder = pathToFileURL(ws.dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(ws.dir).filter((f) => f.endsWith('.report.md')).sort()) files[`${folder}/${f}`] = readFileSync(path.join(ws.dir, f), 'utf8');
  let config = false;
  for (const name of ['figures.csv', 'config.yaml']) {
    const file = path.join(ws.dir, '.policy-report', name);
    if (existsSync(file)) files[`${folder}/.policy-report/${name}`] = readFileSync(file, 'utf8');
    if (name === 'config.yaml') config = existsSync(file);
  }
  const severities = config || SECTION_RULES.includes(ws.rule) ? undefined : Object.fromEntries(SECTION_RULES.map((id) => [id, 'off' as const]));
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'vi', severities });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  const reports = Object.entries(files).filter(([uri]) => uri.endsWith('.report.md'));
  return { service, files, folder, reports };
}

/** "line:code" → the earlier session a finding must name, from `<!-- expect: code (N) -->`. */
export function namedSessions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([a-z-]+)\s*\((\d+)\)\s*-->/g)) out.set(`${i}:${m[1]}`, Number(m[2]));
  });
  return out;
}

/**
 * A scenario across sessions checked in `lang` with the section rules off, information findings
 * included: each report gets exactly the findings it marks `<!-- expect: rule (N) -->`, and each
 * names the earlier session N ("phiên họp thứ N" / "session N"). Returns how many were checked.
 */
export async function checkNamedSessions(dir: string, lang: 'vi' | 'en', assertions: { deepEqual(a: unknown, b: unknown, m?: string): void; match(s: string, r: RegExp, m?: string): void }): Promise<number> {
  const folder = pathToFileURL(dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang, severities: Object.fromEntries(SECTION_RULES.map((id) => [id, 'off' as const])) });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  let checked = 0;
  for (const [uri, text] of Object.entries(files)) {
    const want = namedSessions(text);
    const findings = service.check(uri, text, 1);
    assertions.deepEqual(findings.map((f) => `${f.range.start.line}:${f.code}`).sort(), [...want.keys()].sort(), `${path.basename(uri)}\n${findings.map((f) => `${f.code}: ${f.message}`).join('\n')}`);
    for (const f of findings) {
      const n = want.get(`${f.range.start.line}:${f.code}`)!;
      const session = lang === 'vi' ? new RegExp(`phiên họp thứ ${n}(?!\\d)`) : new RegExp(`session ${n}(?!\\d)`);
      assertions.match(f.message, session, `${path.basename(uri)} ${f.code} does not name session ${n}: ${f.message}`);
      checked++;
    }
  }
  return checked;
}
