/** What parseReport reads of a text, without its uri and line index (the property tests compare two readings of one text). */
import { parseReport } from '../../server/src/core/parse/document';

export function parsedModel(text: string, options: { whole?: boolean; remember?: boolean } = {}, uri = 'file:///t.report.md') {
  const { uri: _u, lines: _l, ...rest } = parseReport(text, uri, options);
  return rest;
}

/** fast-check's runs and seed for these property tests (FC_NUM_RUNS, FC_SEED override them). */
export const RUNS = Number(process.env.FC_NUM_RUNS) || 30;
export const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;
