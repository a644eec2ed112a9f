/**
 * The labels of a table's header cells that say their column holds no value (issue #13; read by
 * table-shape.ts, table-header.ts, table-rows.ts and markup/table-columns.ts): a change ("Tăng/giảm",
 * "So với 2022") or a target ("Mục tiêu 2025", "Kế hoạch", "Đề ra năm 2023", a later "Chỉ tiêu …";
 * docs/reading.md §30). No imports: the row reader (table-rows.ts) asks it too. Pure.
 */
/** A header or row label that says its cells are changes (rules/figure-context.ts reads cells so too). */
export const CHANGE_LABEL = /(?:^|[^\p{L}])(?:tăng|giảm|so với|so cùng kỳ|thay đổi|biến động|chênh lệch)(?![\p{L}])|±|\+\s*\/\s*[-−]/iu;
/** A header that says its cells are targets, plans or forecasts ("Đề ra năm 2023": set out; "Chỉ tiêu" first names the indicators: targetCell). */
export const TARGET_LABEL = /(?:^|[^\p{L}])(?:mục tiêu|kế hoạch|phấn đấu|dự kiến|dự báo|định hướng|đề ra)(?![\p{L}])/iu;
/** A later column headed "Chỉ tiêu …" ("| Nội dung | Chỉ tiêu năm 2023 | Thực hiện |"): its cells are targets (reading.md §30). */
const TARGET_COLUMN = /^\s*chỉ tiêu(?![\p{L}])/iu;

/** Whether header cell `c` (its text) heads a column of targets: TARGET_LABEL, or "Chỉ tiêu …" after the first cell. */
export const targetCell = (text: string, c: number): boolean => TARGET_LABEL.test(text) || (c > 0 && TARGET_COLUMN.test(text.replace(/[*_]/g, '')));

/** Whether a header row's text (pipes included) heads a column of targets (targetCell) in one of its cells. */
const targetRow = (text: string): boolean => TARGET_LABEL.test(text) || text.replace(/^\s*\|/, '').split('|').some((cell, c) => targetCell(cell, c));

/** Whether a header row's text (pipes included) has a change's or a target's column: its rows are read whole for the history (table-rows.ts). */
export const changeOrTarget = (text: string): boolean => CHANGE_LABEL.test(text) || targetRow(text);
