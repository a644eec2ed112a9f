// Renders page 1 of the examples draft exported as .docx (export --format docx) with LibreOffice
// headless, into docs/images/word-export.png (the README shows it beside the editor screenshot).
// Needs `soffice` (apt-get install libreoffice-writer-nogui libreoffice-draw-nogui fonts-liberation2)
// and a build (npm run build). `npm run docs:word-image`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'pr-word-image-'));
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: dir, stdio: 'inherit', timeout: 180000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
};
try {
  run(process.execPath, [join(root, 'bin/policy-report.js'), 'export', join(root, 'examples/du-thao-phien-10.report.md'), '--format', 'docx', '--out', join(dir, 'draft.docx')]);
  run('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'png', '--outdir', dir, join(dir, 'draft.docx')]);
  copyFileSync(join(dir, 'draft.png'), join(root, 'docs/images/word-export.png'));
  console.log('docs/images/word-export.png');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
