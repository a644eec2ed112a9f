/** Where the catalog's JSON Schema ships (out/ → ../schemas), for the comment of a new catalog file. */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The schema (`schemaName`, of schemas/) as a path relative to the folder of `catalogFile` (forward slashes), if it ships. */
export function schemaReference(catalogFile: string, schemaName = 'indicators.schema.json'): string | undefined {
  const schema = path.resolve(__dirname, '..', 'schemas', schemaName);
  if (!fs.existsSync(schema)) return undefined;
  return path.relative(path.dirname(catalogFile), schema).split(path.sep).join('/');
}
