/**
 * A count of files done, shown in place on a terminal: "\r" and the line again at each whole
 * percent, the line cleared at the end. Only when the stream is a terminal (a pipe or a file gets
 * nothing), and only ever on the stream given (the CLI gives stderr: stdout carries JSON, SARIF or
 * CSV, which must stay clean).
 */
import { msg, type Msg } from '../core/i18n';

/** What the reporter needs of a stream (process.stderr; a test gives its own). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** "Đang lập chỉ mục 120/200 tệp · Indexing 120/200 files" */
export const INDEXING = (done: number, total: number): Msg => msg(`Đang lập chỉ mục ${done}/${total} tệp`, `Indexing ${done}/${total} files`);
/** "Đang kiểm tra 12/200 tệp · Checking 12/200 files" */
export const CHECKING = (done: number, total: number): Msg => msg(`Đang kiểm tra ${done}/${total} tệp`, `Checking ${done}/${total} files`);

export interface Progress {
  /** `done` of `total` files: the line is redrawn when the whole percent changes. */
  update(done: number, total: number): void;
  /** Clears the line (if one was drawn). */
  end(): void;
}

/** A progress line on `stream` if it is a terminal; else one that writes nothing. */
export function terminalProgress(stream: ProgressStream, label: (done: number, total: number) => Msg): Progress {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let shown = -1;
  let width = 0;
  return {
    update(done, total) {
      if (total <= 0) return;
      const percent = Math.floor((done * 100) / total);
      if (percent === shown) return;
      shown = percent;
      const m = label(done, total);
      const line = `${m.vi} · ${m.en}`;
      // Spaces over what is left of a longer line before.
      stream.write(`\r${line}${' '.repeat(Math.max(0, width - line.length))}`);
      width = line.length;
    },
    end() {
      if (width) stream.write(`\r${' '.repeat(width)}\r`);
      width = 0;
      shown = -1;
    },
  };
}
