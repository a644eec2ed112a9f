/**
 * The modules the build puts in place of what jszip, xmldom, docx and the language client carry for
 * browsers or for a use the product never makes (scripts/shims, scripts/build.mjs): each does what the library did for its
 * caller, compared here with the library itself (loaded from node_modules at run time, past the
 * build's aliases).
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { repoRoot } from '../helpers';

const load = createRequire(path.join(repoRoot, 'package.json'));
const shim = (name: string) => load(path.join(repoRoot, 'scripts', 'shims', name));

interface FlateStream {
  onData: (chunk: Uint8Array) => void;
  push(data: Uint8Array | number[], last: boolean): boolean;
}
type FlateModule = Record<'Deflate' | 'Inflate', new (options: { raw: boolean; level?: number }) => FlateStream>;

/** Runs a pako-style stream the way jszip's flate worker does: chunks, then `push([], true)`. */
function run(mod: FlateModule, kind: 'Deflate' | 'Inflate', input: Uint8Array, chunk = 1000, level = -1): Buffer {
  const s = new mod[kind]({ raw: true, level });
  const out: Uint8Array[] = [];
  s.onData = (d) => out.push(d);
  for (let i = 0; i < input.length; i += chunk) s.push(input.subarray(i, i + chunk), false);
  s.push([], true);
  return Buffer.concat(out);
}

describe('the build\'s shims (scripts/shims)', () => {
  describe('pako on node:zlib, as jszip uses it', () => {
    const pako = load(path.join(repoRoot, 'node_modules', 'pako')) as FlateModule;
    const ours = shim('pako.cjs') as FlateModule;
    const text = Buffer.from('Tỷ lệ hồ sơ trực tuyến toàn trình đạt 42%. '.repeat(400));
    const noise = randomBytes(70_000);

    it('inflates what pako deflates, and pako inflates what it deflates, byte for byte', () => {
      for (const input of [text, noise, Buffer.alloc(0)]) {
        assert.deepEqual(run(ours, 'Inflate', run(pako, 'Deflate', input)), input);
        assert.deepEqual(run(pako, 'Inflate', run(ours, 'Deflate', input, 777, 9)), input);
      }
    });

    it('throws on a corrupt stream rather than giving short output', () => {
      const bad = run(ours, 'Deflate', text);
      bad[5] ^= 0xff;
      assert.throws(() => run(ours, 'Inflate', bad.subarray(0, 40)));
    });

    it('is what jszip uses in these bundles: a DEFLATE zip round-trips', async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', text);
      zip.file('media/noise.bin', noise);
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      assert.ok(bytes.length < text.length + noise.length, 'compressed');
      const back = await JSZip.loadAsync(bytes);
      assert.deepEqual(Buffer.from(await back.file('word/document.xml')!.async('uint8array')), text);
      assert.deepEqual(Buffer.from(await back.file('media/noise.bin')!.async('uint8array')), noise);
    });
  });

  describe('xmldom\'s entity tables, on the decoder of `entities`', () => {
    type Tables = { XML_ENTITIES: Record<string, string>; HTML_ENTITIES: Record<string, string>; entityMap: Record<string, string> };
    const real = load(path.join(repoRoot, 'node_modules', '@xmldom', 'xmldom', 'lib', 'entities.js')) as Tables;
    const ours = shim('xmldom-entities.cjs') as Tables;
    /** What xmldom's parser reads of a table (lib/sax.js entityReplacer): an own property, and its value. */
    const read = (map: Record<string, string>, name: string) => (Object.hasOwnProperty.call(map, name) ? map[name] : undefined);

    it('has every name of xmldom\'s HTML table, with its characters', () => {
      const names = Object.keys(real.HTML_ENTITIES);
      assert.ok(names.length > 2000, `${names.length} names`);
      for (const n of names) assert.equal(read(ours.HTML_ENTITIES, n), real.HTML_ENTITIES[n], n);
      assert.equal(ours.HTML_ENTITIES.nbsp, '\u00a0');
      assert.equal(ours.entityMap, ours.HTML_ENTITIES);
      assert.deepEqual(ours.XML_ENTITIES, real.XML_ENTITIES);
    });

    it('has no name xmldom\'s table lacks: near misses, legacy prefixes, numbers, Object\'s own', () => {
      const near = Object.keys(real.HTML_ENTITIES).flatMap((n) => [n.slice(0, -1), `${n}x`, `${n}1`, n.toUpperCase(), n.toLowerCase(), `${n}_`]);
      const odd = ['notit', 'ampx', 'Amp', '#65', '#x41', '', '_', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
      for (const n of [...near, ...odd]) assert.equal(read(ours.HTML_ENTITIES, n), read(real.HTML_ENTITIES, n), JSON.stringify(n));
    });

    it('is read-only, as xmldom\'s frozen table', () => {
      for (const map of [real.HTML_ENTITIES, ours.HTML_ENTITIES]) {
        assert.equal(Reflect.set(map, 'amp', 'x'), false);
        assert.equal(Reflect.set(map, 'madeup', 'x'), false);
        assert.equal(Reflect.deleteProperty(map, 'amp'), false);
        assert.equal(read(map, 'amp'), '&');
        assert.equal(read(map, 'madeup'), undefined);
      }
    });
  });

  describe('docx\'s pasted-in copy of `events`, as Node\'s own (scripts/shims/docx-events.mjs)', function () {
    this.timeout(120000);
    const dist = path.join(repoRoot, 'node_modules', 'docx', 'dist', 'index.mjs');
    let tmp: string;
    /** docx as the shipped bundles have it (built with the plugin), and docx itself. */
    let ours: typeof import('docx');
    let real: typeof import('docx');
    let withNodeEvents: (source: string) => string;
    before(() => {
      tmp = mkdtempSync(path.join(tmpdir(), 'policy-report-docx-events-'));
      const plugin = pathToFileURL(path.join(repoRoot, 'scripts', 'shims', 'docx-events.mjs')).href;
      const esbuild = pathToFileURL(load.resolve('esbuild')).href;
      // esbuild and the ES module plugin run in a child: this test is itself a CommonJS bundle.
      const script = `const [{ build }, { docxEvents, withNodeEvents }] = await Promise.all([import(${JSON.stringify(esbuild)}), import(${JSON.stringify(plugin)})]);
        await build({ stdin: { contents: "export * from 'docx';", resolveDir: ${JSON.stringify(repoRoot)} }, bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: ${JSON.stringify(path.join(tmp, 'docx.js'))}, plugins: [docxEvents], logLevel: 'error' });
        const { readFileSync, writeFileSync } = await import('node:fs');
        writeFileSync(${JSON.stringify(path.join(tmp, 'dist.mjs'))}, withNodeEvents(readFileSync(${JSON.stringify(dist)}, 'utf8')));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      ours = load(path.join(tmp, 'docx.js'));
      real = load(path.join(repoRoot, 'node_modules', 'docx'));
      withNodeEvents = (source) => {
        writeFileSync(path.join(tmp, 'in.mjs'), source);
        const w = spawnSync(process.execPath, ['--input-type=module', '-e', `const { withNodeEvents } = await import(${JSON.stringify(plugin)}); const { readFileSync } = await import('node:fs'); process.stdout.write(withNodeEvents(readFileSync(${JSON.stringify(path.join(tmp, 'in.mjs'))}, 'utf8')));`], { encoding: 'utf8' });
        if (w.status !== 0) throw new Error(w.stderr);
        return w.stdout;
      };
    });
    after(() => rmSync(tmp, { recursive: true, force: true }));

    it('takes out the copy of `events` and nothing else, the lines kept where they were', () => {
      const before = readFileSync(dist, 'utf8').split('\n');
      const after = readFileSync(path.join(tmp, 'dist.mjs'), 'utf8').split('\n');
      assert.equal(after.length, before.length);
      const changed = before.map((l, i) => (l === after[i] ? -1 : i)).filter((i) => i >= 0);
      const removed = changed.map((i) => before[i]).join('\n');
      assert.match(removed, /^var import_events = /);
      assert.match(removed, /EventEmitter\.defaultMaxListeners/);
      assert.ok(!/\bclass\b|Packer|prepForXml/.test(removed), 'only the events copy');
      assert.equal(after[changed[0]], 'import import_events from "node:events";');
      assert.deepEqual(changed.slice(1).map((i) => after[i]), changed.slice(1).map(() => ''));
    });

    it('refuses a docx build without the copy where it expects it, rather than ship both', () => {
      assert.throws(() => withNodeEvents('export const x = 1;\n'), /copy of the events package was not found/);
    });

    it('Packer.toStream gives the same document as docx\'s own, on an EventEmitter of Node\'s, and pipes', async () => {
      const make = (d: typeof import('docx')) =>
        new d.Document({ sections: [{ children: [new d.Paragraph({ children: [new d.TextRun('Tỷ lệ hồ sơ trực tuyến đạt 42%.')] })] }] });
      const stream = ours.Packer.toStream(make(ours));
      assert.ok(stream instanceof EventEmitter);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      await once(stream, 'end');
      const parts = async (bytes: Uint8Array) => {
        const zip = await JSZip.loadAsync(bytes);
        const names = Object.keys(zip.files).sort();
        // The dates docx writes into docProps/core.xml are the moment each document was made.
        const undated = (x: string) => x.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]+/g, '$1');
        return Promise.all(names.map(async (n) => [n, undated(await zip.file(n)!.async('string'))]));
      };
      const theirs = await parts(await real.Packer.toBuffer(make(real)));
      assert.ok(theirs.some(([n, x]) => n === 'word/document.xml' && x.includes('Tỷ lệ hồ sơ trực tuyến đạt 42%.')));
      assert.deepEqual(await parts(Buffer.concat(chunks)), theirs);
      // pipe (docx's own, on Node's EventEmitter) into a Node stream.
      const piped: Buffer[] = [];
      const sink = new Writable({ write: (c, _e, done) => (piped.push(c), done()) });
      ours.Packer.toStream(make(ours)).pipe(sink);
      await once(sink, 'finish');
      assert.deepEqual(await parts(Buffer.concat(piped)), theirs);
    });
  });

  describe('semver, as vscode-languageclient checks VS Code\'s version', () => {
    type Ver = { major: number; minor: number; patch: number; prerelease: Array<string | number>; build: string[]; version: string };
    type Parse = (v: unknown) => Ver | null;
    type Satisfies = (v: Ver | string, range: string) => boolean;
    const real = { parse: load(path.join(repoRoot, 'node_modules', 'semver', 'functions', 'parse')) as Parse, satisfies: load(path.join(repoRoot, 'node_modules', 'semver', 'functions', 'satisfies')) as Satisfies };
    const ours = { parse: shim('semver-parse.cjs') as Parse, satisfies: shim('semver-satisfies.cjs') as Satisfies };
    const versions = [
      ...['1.82.0', '1.90.0', '1.106.0-insider', '1.81.9', '2.0.0', '1.999.999', ' 1.90.2 ', 'v1.90.0', 'V1.2.3', '=1.90.0', '1.90', '1.90.0.1', '01.90.0'],
      ...['1.90.0-01', '1.90.0-0a.1', '1.90.0+build.5', '1.90.0-rc.1+b', '', 'x', '1.9007199254740993.0', '9007199254740991.0.0', '1.90.0-'],
      ...['1.0.0-9007199254740991', '1.0.0-9007199254740990', '1.2.3-alpha..1', '0.2.3', '0.2.9', '0.3.0', '0.0.3', '0.0.4', '1.2.3-a-b.C', 'a'.repeat(300)],
    ];
    const fields = (v: Ver | null) => v && [v.major, v.minor, v.patch, v.prerelease, v.build, v.version];

    it('parses as semver does, refusals included', () => {
      for (const v of [...versions, null, 42, undefined]) assert.deepEqual(fields(ours.parse(v)), fields(real.parse(v)), JSON.stringify(v));
    });

    it('answers caret ranges as semver does, for versions as the client passes them and as strings', () => {
      for (const v of versions) {
        for (const range of ['^1.82.0', '^1.0.0', '^0.2.3', '^0.0.3']) {
          assert.equal(ours.satisfies(v, range), real.satisfies(v, range), `${JSON.stringify(v)} ${range}`);
          // The client's way: parse, clear the prerelease (an Insiders build), then test.
          const [a, b] = [real.parse(v), ours.parse(v)];
          if (a) a.prerelease = [];
          if (b) b.prerelease = [];
          if (a && b) assert.equal(ours.satisfies(b, range), real.satisfies(a, range), `${JSON.stringify(v)} ${range}, prerelease cleared`);
        }
      }
    });

    it('refuses a range it does not implement rather than guess', () => {
      assert.throws(() => ours.satisfies('1.90.0', '>=1.82.0'), /only a caret range/);
    });
  });
});
