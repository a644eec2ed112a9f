// Re-deflates every entry of a .vsix with Zopfli (vsce's zip library writes zlib's default level, 6;
// Zopfli's exhaustive deflate writes streams any inflater reads, 4 % smaller than zlib's highest
// level on our bundles): the same files, names, order, dates and permissions (issue 18's 600 KiB
// budget). `node scripts/e2e/recompress.mjs FILE`; the file is replaced atomically (a temp file
// opened exclusively beside it, then a rename: a link in its place is replaced, never followed).
// Run by package.mjs after vsce. Read with jszip, written with fflate's Zip, whose documented way to
// bring one's own compression is a ZipPassThrough whose process() is overridden.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deflateAsync } from '@gfx/zopfli';
import { Zip, ZipPassThrough } from 'fflate';
import JSZip from 'jszip';

/** Zopfli's iterations: 15 is its default for files under a few MB. */
const ITERATIONS = 15;

/** An entry whose bytes fflate's pass-through sums (size, CRC-32) and Zopfli deflates once whole. */
class ZopfliEntry extends ZipPassThrough {
  constructor(name, { mtime, unixPermissions }) {
    super(name);
    this.compression = 8;
    this.mtime = mtime;
    if (unixPermissions) {
      this.os = 3;
      this.attrs = (unixPermissions & 0xffff) << 16;
    }
    this.chunks = [];
  }

  process(chunk, final) {
    this.chunks.push(chunk);
    if (!final) return;
    const whole = Buffer.concat(this.chunks);
    this.chunks = [];
    deflateAsync(whole, { numiterations: ITERATIONS, blocksplitting: true }).then(
      (deflated) => this.ondata(null, new Uint8Array(deflated), true),
      (e) => this.ondata(e instanceof Error ? e : new Error(String(e)), null, true),
    );
  }
}

export async function recompress(file) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = [];
  const done = new Promise((resolve, reject) => {
    const out = new Zip((err, chunk, final) => {
      if (err) return reject(err);
      parts.push(chunk);
      if (final) resolve(Buffer.concat(parts));
    });
    (async () => {
      for (const entry of Object.values(zip.files)) {
        if (entry.dir) continue;
        const z = new ZopfliEntry(entry.name, { mtime: entry.date, unixPermissions: entry.unixPermissions });
        out.add(z);
        z.push(await entry.async('uint8array'), true);
      }
      out.end();
    })().catch(reject);
  });
  const bytes = await done;
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, bytes, { flag: 'wx' });
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return bytes.length;
}

const file = process.argv[2];
if (file) {
  recompress(file).catch((e) => {
    console.error(`recompress ${file}: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  });
}
