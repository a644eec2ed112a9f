/**
 * A saved snapshot read from its bytes one report at a time (lsp/index-store.ts load). The file is
 * snapshot.ts snapshotJson's pieces: `{"format":F,"build":"B","reports":{"uri":{"hash":"H",…},…}}`.
 * Parsed at once (readSnapshot), a warm start held the whole text as V8's two-byte string (39 MB for
 * 200 sessions) and every report's saved form together (more again) while the history was built from
 * them, before the first index had set the heap's growth (lsp/collect.ts): the warm start's peak RSS.
 * Here only the bytes stay (outside V8's heap) with each report's place and hash; a report's saved
 * form is decoded and parsed when asked for, and is garbage once its history document is made.
 */
import { FORMAT, type SavedReport, type Snapshot } from './snapshot';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]);
const CLOSE = new Set([0x7d, 0x5d]);
const CLOSE_BRACE = 0x7d;

/** The hashes of a snapshot read by readSnapshotBytes, per report (read without its saved form). */
const hashes = new WeakMap<Snapshot, Map<string, string>>();

/** The hash `snapshot` saved for `uri`, without parsing that report's saved form when it can. */
export function savedHash(snapshot: Snapshot | null, uri: string): string | undefined {
  if (!snapshot) return undefined;
  const known = hashes.get(snapshot);
  return known ? known.get(uri) : snapshot.reports[uri]?.hash;
}

/** After the closing quote of the JSON string whose opening quote is at `i`, or -1. */
function stringEnd(b: Uint8Array, i: number): number {
  for (let j = i + 1; j < b.length; j++) {
    if (b[j] === BACKSLASH) j++;
    else if (b[j] === QUOTE) return j + 1;
  }
  return -1;
}

/** After the bracket closing the JSON object or array opened at `i`, or -1 (UTF-8: no byte of a multi-byte character is ASCII). */
function valueEnd(b: Uint8Array, i: number): number {
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const c = b[j];
    if (c === QUOTE) {
      const end = stringEnd(b, j);
      if (end < 0) return -1;
      j = end - 1;
    } else if (OPEN.has(c)) depth++;
    else if (CLOSE.has(c) && --depth === 0) return j + 1;
  }
  return -1;
}

const HEAD = /^\{"format":(\d+),"build":("(?:[^"\\]|\\.){0,1000}"),"reports":\{/;
const HASH = /^\{"hash":"([^"\\]{1,100})"/;

/**
 * The snapshot in `bytes` if this build wrote it in that form, or null (another build or format,
 * not that form). A report whose saved form does not parse is undefined when asked for (it is then
 * parsed from its text, as one whose hash differs).
 */
export function readSnapshotBytes(bytes: Uint8Array, build: string): Snapshot | null {
  const decoder = new TextDecoder();
  const text = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  try {
    const head = HEAD.exec(text(0, Math.min(bytes.length, 1100)));
    if (!head || Number(head[1]) !== FORMAT || JSON.parse(head[2]) !== build) return null;
    const places = new Map<string, [number, number]>();
    const known = new Map<string, string>();
    let i = new TextEncoder().encode(head[0]).length;
    while (bytes[i] !== CLOSE_BRACE) {
      const keyEnd = bytes[i] === QUOTE ? stringEnd(bytes, i) : -1;
      if (keyEnd < 0 || bytes[keyEnd] !== COLON) return null;
      const end = valueEnd(bytes, keyEnd + 1);
      if (end < 0) return null;
      const uri = JSON.parse(text(i, keyEnd)) as string;
      places.set(uri, [keyEnd + 1, end]); // as JSON.parse: the last of two, at the place of the first
      const hash = HASH.exec(text(keyEnd + 1, Math.min(end, keyEnd + 120)))?.[1];
      if (hash) known.set(uri, hash);
      else known.delete(uri);
      i = end;
      if (bytes[i] === COMMA) i++;
      else if (bytes[i] !== CLOSE_BRACE) return null;
    }
    if (bytes[i + 1] !== CLOSE_BRACE || i + 2 !== bytes.length) return null;
    const reports: Record<string, SavedReport> = {};
    for (const [uri, [from, to]] of places) {
      Object.defineProperty(reports, uri, {
        enumerable: true,
        get(): SavedReport | undefined {
          try {
            return JSON.parse(text(from, to)) as SavedReport;
          } catch {
            return undefined;
          }
        },
      });
    }
    const snapshot: Snapshot = { format: FORMAT, build, reports };
    hashes.set(snapshot, known);
    return snapshot;
  } catch {
    return null;
  }
}
