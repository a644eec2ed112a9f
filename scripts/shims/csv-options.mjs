// csv-parse's normalize_options (lib/api/normalize_options.js, 12 KB minified: every option's
// checks and defaults) in its place in the bundles (scripts/build.mjs, plugin `csv-options`): the
// product parses CSV with one set of options, core/history/csv.ts CSV_OPTIONS, and this gives what
// the library's normalize_options gives for that set (test/unit/package-shims.test.ts compares the
// two, and csv.ts's set with OPTIONS). Any other set throws, saying why: a new option in csv.ts
// needs its normalized form here first.

/** The options core/history/csv.ts passes to csv-parse's `parse`. */
export const OPTIONS = { relax_column_count: true, skip_empty_lines: true, info: true, trim: true };

const same = (opts) => opts !== null && typeof opts === 'object' && Object.keys(opts).length === Object.keys(OPTIONS).length && Object.keys(OPTIONS).every((k) => opts[k] === OPTIONS[k]);

/** normalize_options(OPTIONS) as csv-parse 6 gives it: a new object (and Buffers) each call, as the library's. */
export function normalize_options(opts) {
  if (!same(opts)) throw new Error(`csv-parse's options other than ${JSON.stringify(OPTIONS)} are not in policy-report's bundles (scripts/shims/csv-options.mjs)`);
  return {
    ...OPTIONS,
    encoding: 'utf8',
    bom: false,
    cast_function: null,
    cast: undefined,
    cast_date: false,
    cast_first_line_to_header: undefined,
    columns: false,
    group_columns_by_name: false,
    comment: null,
    comment_no_infix: false,
    delimiter: [Buffer.from(',')],
    escape: Buffer.from('"'),
    from: 1,
    from_line: 1,
    ignore_last_delimiters: false,
    max_record_size: 0,
    objname: undefined,
    on_record: undefined,
    quote: Buffer.from('"'),
    raw: false,
    record_delimiter: [],
    relax_column_count_less: false,
    relax_column_count_more: false,
    relax_quotes: false,
    skip_records_with_empty_values: false,
    skip_records_with_error: false,
    rtrim: true,
    ltrim: true,
    to: -1,
    to_line: -1,
  };
}
