/**
 * What is generated from the rule registry (server/src/core/rules/index.ts `ruleMetadata`), so that
 * adding a rule is the rule file, its fixtures and its doc page: the README's rule table, the
 * severity settings in package.json, their descriptions in package.nls.json and package.nls.vi.json,
 * the index docs/rules/README.md, and in each rule's page the table of its messages (`pageFiles`). `npm run gen` writes them (scripts/gen.mjs); `npm run gen --
 * --check` and test/unit/generated.test.ts fail while any is stale.
 *
 * Pure: takes the current text of each file, returns the text it should have.
 */
import { ruleMetadata } from '../server/src/core/rules';

export interface RuleMeta {
  id: string;
  description: { vi: string; en: string };
  defaultSeverity: string;
  /** The rule's message templates by id (meta.messages); none for the checks of files. */
  messages?: Readonly<Record<string, { vi: string; en: string }>>;
}

export interface GeneratedFile {
  /** Repository-relative path. */
  path: string;
  /** The text the file should have, from its current text (undefined: it does not exist yet). */
  generate(current: string | undefined, rules: readonly RuleMeta[]): string;
}

export const README_START = '<!-- rules:start (generated from server/src/core/rules/index.ts by `npm run gen`; do not edit) -->';
export const README_END = '<!-- rules:end -->';
const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];

/** A table cell: no line break, no unescaped pipe. */
function cell(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
}

function readmeTable(rules: readonly RuleMeta[]): string {
  const rows = rules.map((r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${cell(r.description.en)} |`);
  return [README_START, '', '| id | default | finds |', '|---|---|---|', ...rows, '', README_END].join('\n');
}

/** The text between the markers replaced (the markers must be there, once each). */
function replaceBetween(text: string, file: string, body: string): string {
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a || text.indexOf(README_START, a + 1) >= 0) throw new Error(`${file}: the rule table markers (${README_START} … ${README_END}) are missing or repeated`);
  return text.slice(0, a) + body + text.slice(b + README_END.length);
}

const nlsKey = (id: string) => `config.rules.${id}`;

/** The nls file with the rule entries regenerated, in registry order, right after `config.rules`. */
function nls(current: string | undefined, rules: readonly RuleMeta[], line: (r: RuleMeta) => string): string {
  const old = JSON.parse(current ?? '{}') as Record<string, string>;
  const out: Record<string, string> = {};
  const add = () => {
    for (const r of rules) out[nlsKey(r.id)] = line(r);
  };
  let added = false;
  for (const [k, v] of Object.entries(old)) {
    if (k.startsWith('config.rules.')) continue;
    out[k] = v;
    if (k === 'config.rules') {
      add();
      added = true;
    }
  }
  if (!added) add();
  return JSON.stringify(out, null, 2) + '\n';
}

export const generatedFiles: GeneratedFile[] = [
  {
    path: 'README.md',
    generate: (current, rules) => replaceBetween(current ?? '', 'README.md', readmeTable(rules)),
  },
  {
    path: 'package.json',
    generate: (current, rules) => {
      const pkg = JSON.parse(current ?? '{}');
      const setting = pkg.contributes.configuration.properties['policyReport.rules'];
      setting.properties = Object.fromEntries(
        rules.map((r) => [r.id, { type: 'string', enum: SEVERITIES, default: r.defaultSeverity, markdownDescription: `%${nlsKey(r.id)}%` }]),
      );
      return JSON.stringify(pkg, null, 2) + '\n';
    },
  },
  {
    path: 'package.nls.json',
    generate: (current, rules) => nls(current, rules, (r) => `Severity of \`${r.id}\` (docs/rules/${r.id}.md): ${r.description.en}`),
  },
  {
    path: 'package.nls.vi.json',
    generate: (current, rules) => nls(current, rules, (r) => `Mức độ của quy tắc \`${r.id}\` (docs/rules/${r.id}.md): ${r.description.vi}`),
  },
  {
    path: 'docs/rules/README.md',
    generate: (_current, rules) =>
      [
        '# Rules / Các quy tắc',
        '',
        'Generated from server/src/core/rules/index.ts by `npm run gen`; do not edit. Each rule has its page',
        'here; severities are set per rule in `policyReport.rules` or `rules:` in `.policy-report/config.yaml`.',
        '',
        '| id | default | finds | tìm |',
        '|---|---|---|---|',
        ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.defaultSeverity} | ${cell(r.description.en)} | ${cell(r.description.vi)} |`),
        '',
      ].join('\n'),
  },
];

/** The registry's rules as the generator reads them. */
export const registry: readonly RuleMeta[] = ruleMetadata;

export const MESSAGES_START = "<!-- messages:start (generated from the rule's meta.messages by `npm run gen`; do not edit) -->";
export const MESSAGES_END = '<!-- messages:end -->';
/** Where a page without the block gets it: before its quick fix section (test/unit/rule-docs.test.ts). */
const FIX_HEADING = /^## Sửa( nhanh)? · /m;

function messagesBlock(r: RuleMeta): string {
  const rows = Object.entries(r.messages ?? {}).map(([id, t]) => `| \`${id}\` | ${cell(t.vi)} | ${cell(t.en)} |`);
  return [
    MESSAGES_START,
    '### Mẫu thông báo · Message templates',
    '',
    '`{…}`: giá trị điền vào khi báo · filled in when reported.',
    '',
    '| id | vi | en |',
    '|---|---|---|',
    ...rows,
    '',
    MESSAGES_END,
  ].join('\n');
}

/** A rule's page with its message table regenerated: between the markers, else inserted before the quick fix section. */
export function rulePage(current: string | undefined, r: RuleMeta): string {
  const file = `docs/rules/${r.id}.md`;
  if (current === undefined) throw new Error(`${file} does not exist: write the rule's page first (docs/architecture.md, "How to add a rule")`);
  const block = messagesBlock(r);
  const a = current.indexOf(MESSAGES_START);
  const b = current.indexOf(MESSAGES_END);
  if (a >= 0 || b >= 0) {
    if (a < 0 || b < a || current.indexOf(MESSAGES_START, a + 1) >= 0) throw new Error(`${file}: the message table markers are broken or repeated`);
    return current.slice(0, a) + block + current.slice(b + MESSAGES_END.length);
  }
  const fix = FIX_HEADING.exec(current);
  if (!fix) throw new Error(`${file}: no "## Sửa · Fix" section to put the message table before`);
  return `${current.slice(0, fix.index)}${block}\n\n${current.slice(fix.index)}`;
}

/** The page of every rule that has messages (the file checks have none), as generated files. */
export function pageFiles(rules: readonly RuleMeta[]): GeneratedFile[] {
  return rules.filter((r) => r.messages).map((r) => ({ path: `docs/rules/${r.id}.md`, generate: (current) => rulePage(current, r) }));
}
