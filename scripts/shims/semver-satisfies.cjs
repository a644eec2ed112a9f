// semver's `functions/satisfies` as vscode-languageclient calls it: satisfies(version, '^1.82.0'),
// a caret range `^X.Y.Z`, the one form that caller passes; any other range throws, saying so.
// See semver-parse.cjs; test/unit/package-shims.test.ts compares it with semver.
'use strict';
const parse = require('./semver-parse.cjs');

/** Whether `version` is in the caret range `^X.Y.Z`: at least X.Y.Z, below the next change of its first non-zero part. */
function satisfies(version, range) {
  const r = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!r) throw new Error(`semver shim (scripts/shims/semver-satisfies.cjs): only a caret range ^X.Y.Z is supported, not ${range}`);
  const v = parse(version);
  // A prerelease is in no range without one of its own (semver's includePrerelease is off).
  if (!v || v.prerelease.length) return false;
  const [X, Y, Z] = r.slice(1).map(Number);
  const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const at = [v.major, v.minor, v.patch];
  const below = X > 0 ? [X + 1, 0, 0] : Y > 0 ? [0, Y + 1, 0] : [0, 0, Z + 1];
  return cmp(at, [X, Y, Z]) >= 0 && cmp(at, below) < 0;
}

module.exports = satisfies;
