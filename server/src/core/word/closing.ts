/**
 * The closing block of a Word report written as plain paragraphs rather than a two-column table:
 * "Nơi nhận:" and the recipients under it (the "- …;" lines), and the signature block (the
 * right-hand block: "TM. …", "KT. …", the title "BỘ TRƯỞNG", "(Đã ký)", the signer's name), which
 * may follow the recipients or come just before "Nơi nhận:". Lines may be paragraphs or line
 * breaks inside one paragraph. Pure; never throws.
 */
import { runsText, type Block } from './model';
import type { DocumentFields, Signer } from './fields';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** "Nơi nhận:" alone on its line. */
export const RECIPIENTS_LABEL = /^nơi nhận\s*:?$/i;
/** A recipient line: "- Bộ Tài chính;", "• Lưu: VT.", or any line ending in ";" (the list's separator). */
const RECIPIENT = /^[-–—•+*]\s*\S|;$/;
/** The authority line of a signature block (ND 30/2020, Điều 13): thay mặt, ký thay, thừa lệnh, thừa ủy quyền, quyền. */
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\s*\.\s*\S/i;
/** Lines of a signature block that are not its text: "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)", "…", a separator. */
const SIGNATURE_NOTE = /^(\(?\s*(đã ký|ký tên|chữ ký|ký,|ký và|ký số)[^)]*\)?|[-_….\s]+)$/i;

/** The signer of a signature block's lines: the authority lines ("TM. …", "KT. …"), the title, the name (the last line). */
export function signerOf(lines: string[]): Signer | undefined {
  const names = lines.map(squash).filter((l) => l && !SIGNATURE_NOTE.test(l));
  if (!names.length) return undefined;
  const signer: Signer = { name: names[names.length - 1] };
  const rest = names.slice(0, -1);
  let a = 0;
  while (a < rest.length && AUTHORITY.test(rest[a])) a++;
  // No authority line and three lines: the earlier reading (authority, title, name) is kept.
  if (a === 0 && rest.length >= 2) a = rest.length - 1;
  if (a > 0) signer.authority = rest.slice(0, a).join(' ');
  if (rest.length > a) signer.title = rest.slice(a).join(' ');
  return signer;
}

/** A block's lines; a list item's first line gets "- " back (its marker is kept apart from its text). */
const linesOf = (b: Block): string[] => {
  if (b.kind === 'table') return [];
  const lines = runsText(b.runs).split('\n').map(squash).filter(Boolean);
  if (b.kind === 'paragraph' && b.marker && lines.length) lines[0] = `- ${lines[0]}`;
  return lines;
};
const short = (b: Block) => b.kind !== 'table' && linesOf(b).every((l) => l.length <= 80 && !/[.:]$/.test(l));

/**
 * Reads and removes the closing block when "Nơi nhận:" is a paragraph (the first line of one):
 * the recipients into `fields.recipients`, the signer into `fields.signer`. False when there is none.
 */
export function takeClosingParagraphs(blocks: Block[], fields: DocumentFields): boolean {
  const at = blocks.findIndex((b) => b.kind !== 'table' && RECIPIENTS_LABEL.test(linesOf(b)[0] ?? ''));
  if (at < 0) return false;
  // A signature block just before "Nơi nhận:" (the right-hand block laid out first): up to six
  // short paragraphs back to an authority line ("KT. BỘ TRƯỞNG").
  let from = at;
  for (let i = at - 1; i >= Math.max(0, at - 6) && short(blocks[i]); i--) {
    if (linesOf(blocks[i]).some((l) => AUTHORITY.test(l))) from = i;
  }
  const before = blocks.slice(from, at).flatMap(linesOf);
  const after = blocks.slice(at).flatMap(linesOf).slice(1);
  const recipients: string[] = [];
  let i = 0;
  for (; i < after.length && RECIPIENT.test(after[i]) && !AUTHORITY.test(after[i]); i++) recipients.push(after[i].replace(/^[-–—•+*]\s*/, ''));
  const signerLines = [...before, ...after.slice(i)];
  if (recipients.length) fields.recipients = recipients;
  const signer = signerOf(signerLines);
  if (signer) fields.signer = signer;
  blocks.splice(from);
  return true;
}
