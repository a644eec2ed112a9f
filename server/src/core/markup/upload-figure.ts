/**
 * Class upload-after-name (issue 13, round 35, speed35; docs/reading.md §83): a download speed's name
 * with the upload told between it and the figure ("tốc độ mạng di động tải lên đạt 19,25 Mbps",
 * "tốc độ mạng cố định khi tải lên là 93 Mbps", "mạng cố định có tốc độ tải lên 68,38 Mbps"): the
 * figure is the upload's, never the entry's (a download speed: its name says "tải xuống"). The
 * figure's clause before it (back to ",", ";", ":", "(" or a sentence end, at most {@link HEAD}
 * characters) says the upload last ("tải lên", "upload" after any "tải xuống"/"download"), and no
 * "lần lượt"/"tương ứng" pairs the two ("tốc độ tải xuống và tải lên lần lượt đạt …": the first
 * figure is the download). Pure; the text scanned is bounded.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

/** The characters before the figure looked at. */
const HEAD = 64;
/** A download speed's name, folded. */
const DOWNLOAD_NAME = /(?:^| )toc do tai xuong /u;
/** An upload's or a download's words, folded. */
const DIRECTION = /tai len|upload|tai xuong|download/gu;
const PAIRED = /(?:^| )(?:lan luot|tuong ung)(?: |$)/u;

/** Why `f` (in `plain`, its part's text) is no value of the download speed `ind`: an upload's; null if it may be. */
export function uploadFigure(plain: string, f: Figure, ind: Indicator): ReturnType<typeof msg> | null {
  if (!DOWNLOAD_NAME.test(foldKey(ind.name).replace(/[^a-z0-9]+/g, ' '))) return null;
  const head = plain.slice(Math.max(0, f.start - HEAD), f.start).split(/[,;:(]|[.!?](?!\d)/).pop() ?? '';
  const folded = foldKey(head).replace(/[^a-z0-9]+/g, ' ');
  let last = '';
  for (const m of folded.matchAll(DIRECTION)) last = m[0];
  if (!(last === 'tai len' || last === 'upload') || PAIRED.test(folded)) return null;
  return msg(
    `"${f.raw}" là tốc độ tải lên, không phải "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is the upload speed, not "${ind.name}" (a download speed): left unmarked.`,
  );
}
