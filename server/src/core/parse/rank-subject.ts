/**
 * A ranking that places its subject: "Báo cáo … xếp Việt Nam thứ 45/133", "bảng xếp hạng xếp
 * Hà Nội thứ 2": the "thứ N" after "xếp" and the subject (Việt Nam, "nước ta", or a place's name of
 * at most four capitalized words) is a rank, as "xếp thứ N" is (figure-context.ts asks). Pure.
 */

/** "xếp" and the subject, right before the "thứ" (the original casing: a place's name is capitalized). */
const PLACES_SUBJECT = /(?:^|[^\p{L}])[Xx]ếp\s+(?:Việt Nam|nước ta|\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})\s+$/u;

/** Whether the "thứ" at `at` of `o` (the text as written, NFC) follows "xếp <subject>". */
export function placesSubject(o: string, at: number): boolean {
  return PLACES_SUBJECT.test(o.slice(Math.max(0, at - 40), at));
}
