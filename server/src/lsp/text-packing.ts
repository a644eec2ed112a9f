/**
 * The language server keeps its history documents' texts deflated (core/history/text-bytes.ts
 * packHistoryTexts): they are read only when a report is resolved (indexed, or again after a catalog
 * change), and as UTF-8 they were the largest block outside V8's heap for the whole session (200
 * sessions of the bench: 10.3 MB; deflated at level 1, 1.4 MB: the bench's generated sessions repeat
 * their sentences; the press sets' 343 written reports, 2.4 KB each on average, keep 47 %). Level 1: 0.3 ms a 50 KB report to pack
 * (6: twice that for 20 % less), about as much to unpack.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HistoryRecord } from '../core/indexed';
import { keptAsBytes, packHistoryTexts } from '../core/history/text-bytes';

/** The bytes deflated, in a block of their own length (zlib's Buffer for a small output is a slice of a shared pool). */
export function deflated(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(deflateRawSync(bytes, { level: 1 }));
}

export function inflated(packed: Uint8Array): Uint8Array {
  return inflateRawSync(packed);
}

/** The history documents made from now on keep their text deflated. */
export function deflateHistoryTexts(): void {
  packHistoryTexts({ pack: deflated, unpack: inflated });
}

const encoder = new TextEncoder();

/**
 * A record of an index worker with its text deflated as the server keeps it (`packed`, the text
 * then empty), when the snapshot holds its report (`saved` null: a warm start's every unchanged
 * report): the server's thread keeps those bytes as they are, where it encoded and deflated every
 * restored text again (the bench's 201 reports, 10.4 MB: about 220 ms of its CPU) after receiving
 * it as a string. A parsed report's record (a cold index: the worker is the index's longer part)
 * and a text not kept as bytes are sent as they are.
 */
export function packedRecord(record: HistoryRecord): HistoryRecord {
  if (record.text === undefined || record.saved !== null || !keptAsBytes(record.text)) return record;
  return { uri: record.uri, text: '', hash: record.hash, saved: null, packed: deflated(encoder.encode(record.text)) };
}
