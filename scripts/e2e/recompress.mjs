// Re-deflates every entry of a .vsix at zlib's highest level (vsce's zip library writes its default
// level, 6): the same files, names, order and dates, about 1 % smaller (issue 18's 600 KiB budget).
// `node scripts/e2e/recompress.mjs FILE`; the file is replaced atomically (a temp file beside it,
// then a rename). Run by package.mjs after vsce.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import JSZip from 'jszip';

export async function recompress(file) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  // (each entry added again from its bytes: JSZip would reuse an entry's compressed data as read)
  const fresh = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    fresh.file(entry.name, await entry.async('nodebuffer'), { date: entry.date, unixPermissions: entry.unixPermissions, createFolders: false });
  }
  const out = await fresh.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, out, { flag: 'wx' });
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return out.length;
}

const file = process.argv[2];
if (file) {
  recompress(file).catch((e) => {
    console.error(`recompress ${file}: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
