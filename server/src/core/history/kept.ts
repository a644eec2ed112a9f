/**
 * A history document kept packed while nothing reads it (core/indexed.ts): its saved form as the
 * saved index writes it (JSON of snapshot.ts saveReport) and its text, each as deflated bytes
 * outside V8's heap, made back into a document (loadReport, as a restart reads the saved index)
 * when it is asked for: a catalog change, a report closed or its history set again.
 *
 * Kept as objects, the documents of 200 sessions held about 21 MB of the live heap (figures,
 * references, their sentences and ranges) and 11 MB of text as UTF-8; packed, about 6 MB in all.
 * The old generation grows to about twice what is live (lsp/collect.ts limitHeapGrowth).
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ReportDocument } from '../parse/model';
import { loadReport, type SavedReport } from './snapshot';

/** zlib's fastest level: packed once per report saved, unpacked rarely. */
const LEVEL = 1;

export interface PackedReport {
  /** The saved form's JSON as UTF-8, deflated. */
  readonly saved: Uint8Array;
  /** The text as UTF-8, deflated; as it is when it is not well-formed UTF-16 (TextEncoder would change it). */
  readonly text: Uint8Array | string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** `doc` (a history document) packed, `json` its saved form's JSON (`JSON.stringify(saveReport(doc, hash))`). */
export function packReport(doc: ReportDocument, json: string): PackedReport {
  const text = doc.text;
  const wellFormed = (text as { isWellFormed?: () => boolean }).isWellFormed?.() ?? false;
  return {
    saved: deflateRawSync(encoder.encode(json), { level: LEVEL }),
    text: wellFormed ? deflateRawSync(encoder.encode(text), { level: LEVEL }) : text,
  };
}

/** The saved form's JSON `packed` was made from. */
export function packedJson(packed: PackedReport): string {
  return decoder.decode(inflateRawSync(packed.saved));
}

/** The saved form `packed` was made from (a new object each time). */
export function packedSaved(packed: PackedReport): SavedReport {
  return JSON.parse(packedJson(packed)) as SavedReport;
}

/** The history document of `packed`, as the saved index gives it back (a new object each time, its own strings and positions). */
export function unpackReport(packed: PackedReport, uri: string): ReportDocument {
  const text = typeof packed.text === 'string' ? packed.text : decoder.decode(inflateRawSync(packed.text));
  return loadReport(packedSaved(packed), uri, text);
}
