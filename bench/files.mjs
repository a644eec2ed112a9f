// Lists *.report.md under a folder the way the CLI does (node_modules, .git, out and dot-folders skipped).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function listReports(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!['node_modules', '.git', 'out'].includes(name) && !name.startsWith('.')) listReports(p, out);
    } else if (name.endsWith('.report.md')) out.push(p);
  }
  return out;
}
