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

/** A signer's name: two to six capitalised words, no digits ("Nguyễn Văn A"); a title is in capitals or has lower-case words ("Phó Chủ tịch"). */
const NAME = /^(?=.*\p{Ll})(\p{Lu}[\p{L}.]*)(\s+\p{Lu}[\p{L}.]*){1,5}$/u;
/** Lines a signature block may hold after the recipients: the authority, the title, notes, the name. */
const SIGNATURE_LINES = 8;

/**
 * Reads and removes the closing block when "Nơi nhận:" is a paragraph (the first line of one):
 * the recipients into `fields.recipients`, the signer into `fields.signer`. False when there is none.
 * Only the closing block is taken: what follows it (an annex, its tables, a note after the name)
 * stays in the body, so nothing the writer wrote is lost. A block part of which is read (a
 * paragraph whose first lines end the signature) keeps its other lines as a paragraph.
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
  // The lines after the label, each with its block, up to a table or a heading (the body again).
  const after: Array<{ line: string; block: number }> = [];
  for (let b = at; b < blocks.length && blocks[b].kind === 'paragraph'; b++) {
    for (const line of linesOf(blocks[b]).slice(b === at ? 1 : 0)) after.push({ line, block: b });
  }
  const recipients: string[] = [];
  let i = 0;
  for (; i < after.length && RECIPIENT.test(after[i].line) && !AUTHORITY.test(after[i].line); i++) recipients.push(after[i].line.replace(/^[-–—•+*]\s*/, ''));
  // The signature block after the recipients (when it was not laid out before them): short lines,
  // up to the signer's name.
  const signature = [...before];
  if (!before.length) {
    for (let n = 0; i < after.length && n < SIGNATURE_LINES; i++, n++) {
      const line = after[i].line;
      if (line.length > 80 || (/[.:]$/.test(line) && !SIGNATURE_NOTE.test(line) && !AUTHORITY.test(line))) break;
      signature.push(line);
      if (NAME.test(line) && !AUTHORITY.test(line)) {
        i++;
        break;
      }
    }
  }
  if (recipients.length) fields.recipients = recipients;
  const signer = signerOf(signature);
  if (signer) fields.signer = signer;
  // Remove what was read: the signature before, the label, the lines taken; keep the rest.
  const end = i < after.length ? after[i].block : after.length ? after[after.length - 1].block + 1 : at + 1;
  const kept: Block[] = [];
  if (i < after.length && (end === at || (i > 0 && after[i - 1].block === end))) {
    const rest = after.filter((x, k) => k >= i && x.block === end).map((x) => x.line);
    kept.push({ kind: 'paragraph', runs: rest.map((text, k) => ({ text, ...(k ? { breakBefore: true } : {}) })), indent: 0 });
    blocks.splice(from, end + 1 - from, ...kept);
  } else {
    blocks.splice(from, end - from);
  }
  return true;
}
