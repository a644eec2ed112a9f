// Re-deflates every entry of a .vsix with Zopfli (vsce's zip library writes zlib's default level, 6;
// Zopfli's exhaustive deflate writes streams any inflater reads, 4 % smaller than zlib's highest
// level on our bundles): the same files, names, order, dates and permissions (issue 18's 600 KiB
// budget). `node scripts/e2e/recompress.mjs FILE`; the file is replaced atomically (a temp file
// opened exclusively beside it, then a rename: a link in its place is replaced, never followed).
// Run by package.mjs after vsce. Read with jszip; written here (ZIP's APPNOTE 4.3: local headers, the
// central directory, its end record), each entry's sizes and CRC-32 in its local header, since each is
// deflated whole before it is written: no data descriptor after each (16 bytes an entry, which a
// streaming writer such as fflate's Zip must add).
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deflateAsync } from '@gfx/zopfli';
import JSZip from 'jszip';

/** Zopfli's iterations: 15 is its default for files under a few MB (50 saves 0.1 KiB on the .vsix, for 3 times the time). */
const ITERATIONS = 15;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The CRC-32 of `bytes` (ZIP's, zlib's). */
export function crc32(bytes) {
  let c = -1;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An MS-DOS date and time, local time, 2-second steps (years 1980–2099). */
function dosTime(date) {
  const y = date.getFullYear() - 1980;
  if (y < 0 || y > 119) throw new Error(`a date a zip cannot hold: ${date.toISOString()}`);
  return ((y << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}

/** A zip of `entries` ({ name, data (the uncompressed bytes), deflated, date, unixPermissions }), in their order. */
export function writeZip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed to extract: 2.0 (deflate)
    common.writeUInt16LE(name.length !== e.name.length ? 0x800 : 0, 2); // bit 11: the name is UTF-8
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt32LE(dosTime(e.date), 6);
    common.writeUInt32LE(crc32(e.data), 10);
    common.writeUInt32LE(e.deflated.length, 14);
    common.writeUInt32LE(e.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    common.writeUInt16LE(0, 24); // no extra field
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name]);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    // Made by: ZIP 2.0 on Unix (3) when there are Unix permissions to keep, else MS-DOS (0).
    head.writeUInt16LE(e.unixPermissions ? 0x0314 : 0x0014, 4);
    common.copy(head, 6);
    // Comment length, disk, internal attributes: 0 (Buffer.alloc). External: the Unix mode in the high half.
    head.writeUInt32LE(e.unixPermissions ? ((e.unixPermissions & 0xffff) << 16) >>> 0 : 0, 38);
    head.writeUInt32LE(offset, 42);
    central.push(head, name);
    parts.push(local, e.deflated);
    offset += local.length + e.deflated.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, dir, end]);
}

export async function recompress(file) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir)
      .map(async (entry) => {
        const data = await entry.async('uint8array');
        const deflated = await deflateAsync(data, { numiterations: ITERATIONS, blocksplitting: true });
        return { name: entry.name, data, deflated: Buffer.from(deflated), date: entry.date, unixPermissions: entry.unixPermissions };
      }),
  );
  const bytes = writeZip(entries);
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
