/**
 * The text of a history document: series inference (series.ts bySentence) reads the sentence and
 * paragraph of a reference whose name several series share, when the report is resolved (indexed,
 * or re-resolved after a catalog change). Between those the text is kept as UTF-8 bytes (half of
 * V8's two-byte string for Vietnamese), with no line index; read back when asked, the last one
 * decoded kept (a resolution reads one report's references in a row).
 *
 * A host may pack those bytes (`packHistoryTexts`; the language server deflates them,
 * lsp/text-packing.ts): the core imports no host module, and by default keeps them as they are.
 */
import type { ReportDocument } from '../parse/model';
import { LineIndex } from '../text';

/** How a history text's UTF-8 bytes are kept: `unpack(pack(b))` gives `b` back. */
export interface BytesPacking {
  pack(bytes: Uint8Array): Uint8Array;
  unpack(packed: Uint8Array): Uint8Array;
}

let packing: BytesPacking | null = null;

/** The history documents made from now on keep their text packed by `p` (null: as UTF-8 bytes). A document keeps the packing it was made with. */
export function packHistoryTexts(p: BytesPacking | null): void {
  packing = p;
}

/**
 * Does a host pack the history texts? The language server's index workers then send a restored
 * report's text packed as the server packs it (lsp/text-packing.ts packedRecord), not as a string
 * this thread would encode and pack again.
 */
export function packsHistoryTexts(): boolean {
  return packing !== null;
}

/** The host's packing, for bytes it packed (throws when no host packs). */
function hostPacking(): BytesPacking {
  if (!packing) throw new Error('a packed history text, and no packing');
  return packing;
}

/** A text the host's packing packed, as a string (throws when no host packs). */
export function unpackedText(packed: Uint8Array): string {
  return decoder.decode(hostPacking().unpack(packed));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let lastDecoded: { bytes: Uint8Array; text: string; lines: LineIndex | null } | null = null;

/**
 * Lets the last decoded text go: a report's resolution is done (IndexedReports.keep). Kept, the
 * last report read stayed decoded for the session (a closed 1 MB draft: its text, 1.6 MB of UTF-16,
 * and its line index).
 */
export function forgetDecoded(): void {
  lastDecoded = null;
}

function decoded(bytes: Uint8Array, unpack: ((packed: Uint8Array) => Uint8Array) | undefined): { text: string; lines: LineIndex | null } {
  if (lastDecoded?.bytes !== bytes) lastDecoded = { bytes, text: decoder.decode(unpack ? unpack(bytes) : bytes), lines: null };
  return lastDecoded;
}

/** Can `text` be kept as UTF-8 (well-formed UTF-16: what decoding the bytes gives back as it was)? */
export function keptAsBytes(text: string): boolean {
  return (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;
}

/**
 * Defines `doc.text` and `doc.lines` from `text` kept as UTF-8, packed if a host asked (as it is, if
 * not well-formed UTF-16). `text` as bytes: a well-formed text's UTF-8 already packed by the host's
 * packing (unpackedText gives it back), kept as they are.
 */
export function keepTextCompact(doc: ReportDocument, text: string | Uint8Array): void {
  if (typeof text !== 'string') return keepBytes(doc, text, hostPacking().unpack);
  if (!keptAsBytes(text)) {
    doc.text = text;
    doc.lines = new LineIndex(text);
    return;
  }
  keepBytes(doc, packing ? packing.pack(encoder.encode(text)) : encoder.encode(text), packing ? packing.unpack : undefined);
}

function keepBytes(doc: ReportDocument, bytes: Uint8Array, unpack: ((packed: Uint8Array) => Uint8Array) | undefined): void {
  Object.defineProperty(doc, 'text', { enumerable: true, configurable: true, get: () => decoded(bytes, unpack).text });
  Object.defineProperty(doc, 'lines', {
    enumerable: true,
    configurable: true,
    get: () => {
      const d = decoded(bytes, unpack);
      return (d.lines ??= new LineIndex(d.text));
    },
  });
}
