/** SARIF 2.1.0 output: one run, the rules as reportingDescriptors, positions 1-based in UTF-16 units. */
import { ruleMetadata } from '../core/rules';
import type { Severity } from '../core/types';
import type { FileFinding } from './files';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(findings: FileFinding[], version: string): object {
  const ids = ruleMetadata.map((r) => r.id);
  const region = (r: FileFinding['range']) => ({
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'policy-report',
            version,
            informationUri: 'https://github.com/policy-report/policy-report',
            rules: ruleMetadata.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description.en },
              fullDescription: { text: `${r.description.vi} / ${r.description.en}` },
              helpUri: `https://github.com/policy-report/policy-report/blob/main/docs/rules/${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToUri(process.cwd()) + '/' } },
        results: findings.map((f) => {
          const ruleIndex = ids.indexOf(f.code);
          return {
            ruleId: f.code,
            ...(ruleIndex >= 0 ? { ruleIndex } : {}),
            level: LEVEL[f.severity],
            ...(f.severity === 'hint' || f.severity === 'information' ? { kind: 'informational' } : {}),
            message: { text: f.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: 'SRCROOT' }, region: region(f.range) } }],
            ...(f.related?.length
              ? {
                  relatedLocations: f.related.map((r, i) => ({
                    id: i,
                    message: { text: r.message },
                    physicalLocation: { artifactLocation: { uri: r.uri }, region: region(r.range) },
                  })),
                }
              : {}),
          };
        }),
      },
    ],
  };
}

function pathToUri(p: string): string {
  return 'file://' + encodeURI(p.split('\\').join('/'));
}
