// semver's `functions/parse` and `functions/satisfies` (semver-satisfies.cjs) as vscode-languageclient
// (lib/node/main.js checkVersion) uses them, and only there: parse(vscode.version), its prerelease
// cleared, then satisfies(it, '^1.82.0'). scripts/build.mjs resolves those two modules here rather
// than ship the 20 KB library in out/client.js. parse is semver's strict parse (SemVer 2.0.0, an
// optional leading `v`, at most 256 characters, numbers up to Number.MAX_SAFE_INTEGER; null
// otherwise). test/unit/package-shims.test.ts compares both with semver.
'use strict';

const NUM = '0|[1-9]\\d*';
const ID = `(?:${NUM}|\\d*[a-zA-Z-][a-zA-Z0-9-]*)`;
const FULL = new RegExp(`^v?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${ID}(?:\\.${ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`);

class SemVer {
  constructor(version) {
    const m = version.trim().match(FULL);
    if (!m) throw new TypeError(`Invalid Version: ${version}`);
    [this.major, this.minor, this.patch] = [m[1], m[2], m[3]].map(Number);
    if (![this.major, this.minor, this.patch].every((n) => n <= Number.MAX_SAFE_INTEGER)) throw new TypeError(`Invalid version: ${version}`);
    this.prerelease = m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) && +id < Number.MAX_SAFE_INTEGER ? +id : id)) : [];
    this.build = m[5] ? m[5].split('.') : [];
    this.raw = version;
    this.version = `${this.major}.${this.minor}.${this.patch}${this.prerelease.length ? `-${this.prerelease.join('.')}` : ''}`;
  }

  toString() {
    return this.version;
  }
}

function parse(version) {
  if (version instanceof SemVer) return version;
  if (typeof version !== 'string' || version.length > 256) return null;
  try {
    return new SemVer(version);
  } catch {
    return null;
  }
}

module.exports = parse;
