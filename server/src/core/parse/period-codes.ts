/** Period codes of the front matter and tables: 2023, 2022-Q1, 2024-S1, 2023-02, 2023-02-25, 2023-YTD02. */

const PERIOD_CODE = /^(\d{4})(?:-(?:Q[1-4]|S[12]|YTD(?:0[1-9]|1[0-2])|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?))?$/;

/** True if `s` is a period code the dialect accepts. */
export function isPeriodCode(s: string): boolean {
  return PERIOD_CODE.test(s);
}
