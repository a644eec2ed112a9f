/** Where the catalog's JSON Schema ships (out/ → ../schemas), for the comment of a new catalog file. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Where the schemas are published (the repository of package.json, its default branch): the
 * reference a workspace's file gets when the installed copy lies outside the workspace.
 */
export const PUBLISHED_SCHEMAS = 'https://raw.githubusercontent.com/policy-report/policy-report/main/schemas/';

/**
 * The schema (`schemaName`, of schemas/) for the comment of `dataFile` (a file of
 * `<workspace>/.policy-report/`): as a path relative to the file's folder (forward slashes) when
 * the installed copy is inside the workspace (a project's node_modules), else the published
 * address (`schemas`: where the installed copy is; the tests name their own). The workspace's files are shared through git: a path into one writer's npx cache or
 * VS Code extensions folder would mean nothing on a colleague's machine, and would break at the
 * next update. Undefined when the schema does not ship.
 */
export function schemaReference(dataFile: string, schemaName = 'indicators.schema.json', schemas = path.resolve(__dirname, '..', 'schemas')): string | undefined {
  const schema = path.join(schemas, schemaName);
  if (!fs.existsSync(schema)) return undefined;
  const folder = path.dirname(path.resolve(dataFile));
  const workspace = path.basename(folder) === '.policy-report' ? path.dirname(folder) : folder;
  const fromWorkspace = path.relative(workspace, schema);
  if (!fromWorkspace || fromWorkspace.startsWith('..') || path.isAbsolute(fromWorkspace)) return PUBLISHED_SCHEMAS + schemaName;
  return path.relative(folder, schema).split(path.sep).join('/');
}
