/**
 * A reference written with a member's short words: `[[Trụ cột pháp lý]] đạt trọn 20/20 điểm`,
 * `Bốn trụ cột [[công nghệ]], [[con người]] … lần lượt đạt …`, `[[biện pháp pháp lý]]`. The catalog
 * names a pillar "Điểm trụ cột <W> của <index>" (pillars.ts); the writer names only <W>, the index
 * being the one the sentence, the headings above it or its section before it name. The words (at
 * most two generic member words, then <W>: member-lists.ts membersWritten) stand for the one pillar
 * of those words whose index that scope names (pillars.ts familiesAt); <W> alone only in a sentence
 * that speaks of members ("trụ cột", "tiêu chí", "thành phần", "lĩnh vực", or the piece before its
 * ";"). The checker (analyze.ts) resolves such a reference with this function, and wrap-mode markup
 * (mention.ts) wraps the words only when this function picks the entry the detector found: one
 * resolver for both. Two indices in scope with a pillar of those words, or none: no pick (the
 * checker lists the candidates: ambiguous-indicator). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { headingsOf } from './context';
import { tokenize } from './name-index';
import { membersWritten, saysMembers } from './member-lists';
import { familiesAt } from './pillars';
import { pieceLead } from './piece-lead';
import type { ReportDocument } from '../parse/model';

/** What a reference's words say of the catalog's pillars. */
export interface PillarWords {
  /** Every pillar (of any index) whose words these are. */
  candidates: Indicator[];
  /** The one pillar of them whose index the scope names, else null. */
  pick: Indicator | null;
}

/**
 * The pillar `written` (a reference's name, as written) stands for in the sentence [start, end) of
 * `text`, or null when the words are no pillar's (or <W> alone outside a sentence about members).
 * `doc`: the text's parsed document, when the caller has it (its headings are not read again).
 */
export function pillarOfWords(catalog: Catalog, text: string, sentence: { start: number; end: number }, written: string, doc?: ReportDocument): PillarWords | null {
  const tokens = tokenize(written);
  if (!tokens.length) return null;
  const members = membersWritten(catalog, tokens, 0, tokens.length - 1);
  if (!members.length) return null;
  const own = text.slice(sentence.start, sentence.end);
  const lead = pieceLead(text, sentence.start);
  // <W> alone ("con người") names a member only where the sentence speaks of members.
  const bare = members.every((m) => m.words.length === tokens.length);
  if (bare && !saysMembers(own) && !saysMembers(lead)) return null;
  if (doc) headingsOf(text, doc);
  const families = familiesAt(catalog, text, sentence.start, [lead, own]);
  const fit = members.filter((m) => families.has(m.indicator.family!));
  return { candidates: members.map((m) => m.indicator), pick: fit.length === 1 ? fit[0].indicator : null };
}
