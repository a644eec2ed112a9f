/**
 * A deterministic measure of work, for the linear-time tests (test/unit/work-linear.test.ts): the
 * inner loops of the scanners that untrusted input drives (the parser's and the markup detector's
 * passes over a text, interval lookups, sentence splitting, binding, figures.csv rows, catalog name
 * lookups) add the number of steps they take. A test runs a hostile shape at n and 10 n and
 * compares the counts: linear work grows 10×, quadratic work 100×, whatever the machine's load.
 *
 * The cost in production is one integer addition per loop (a few per character of a report at
 * most): no condition, no allocation. The count only grows; a measurement takes a difference.
 */
export const work = {
  steps: 0,
  /** The longest text handed to the Markdown parser in one piece (parse/guard.ts): what its memory grows with. */
  largestParse: 0,
};

/** The steps `f` takes (the counter is never reset: nested measurements stay correct). */
export function stepsOf(f: () => unknown): number {
  const before = work.steps;
  f();
  return work.steps - before;
}
