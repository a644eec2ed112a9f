/**
 * A table's caption: the paragraph line right above its header row (one blank line between or
 * none) that opens with "Bảng" (perhaps emphasized, numbered): "Bảng 2. Chỉ số DTI cấp tỉnh năm
 * 2022 của các tỉnh vùng Tây Bắc". The checker takes its period (table-header.ts), the detector the
 * index it names (markup/table-caption.ts). Read from the text, one line. Pure.
 */

/** A caption: a paragraph line that opens with "Bảng" (perhaps emphasized, numbered). */
const CAPTION = /^[\s*_]*Bảng(?![\p{L}])/u;

/** The caption line above the header row starting at `headerStart` of `text`, and where it starts; undefined if none. */
export function captionAbove(text: string, headerStart: number): { start: number; line: string } | undefined {
  let end = headerStart;
  for (let blank = 0; blank < 2; blank++) {
    let e = end - 1;
    if (e > 0 && text[e] === '\n' && text[e - 1] === '\r') e--;
    if (e <= 0) return undefined;
    let s = e;
    while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
    const line = text.slice(s, e);
    if (!line.trim()) {
      end = s;
      continue;
    }
    return CAPTION.test(line) ? { start: s, line } : undefined;
  }
  return undefined;
}
