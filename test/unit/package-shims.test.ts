/**
 * The modules the build puts in place of what jszip, xmldom, markdown-it, entities, csv-parse and the language client and server carry for
 * browsers or for a use the product never makes (scripts/shims, scripts/build.mjs): each does what the library did for its
 * caller, compared here with the library itself (loaded from node_modules at run time, past the
 * build's aliases).
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { repoRoot } from '../helpers';
// @ts-expect-error: a plain ES module of the build's, without types
import { pairOff, RendererOff, ruleOff } from '../../scripts/shims/markdown-it-off.mjs';
// @ts-expect-error: a plain ES module of the build's, without types
import { normalize_options as csvOptionsOurs, OPTIONS as CSV_SHIM_OPTIONS } from '../../scripts/shims/csv-options.mjs';
// @ts-expect-error: csv-parse's own module, past its package's exports
import { normalize_options as csvOptionsReal } from '../../node_modules/csv-parse/lib/api/normalize_options.js';
import { CSV_OPTIONS } from '../../server/src/core/history/csv';
import { URI } from 'vscode-uri';

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

/**
 * A module of vscode-languageclient loaded with a stand-in for `vscode` (which only VS Code provides): what
 * its features' constructors, `getState` and `handles` touch — no documents, no notebooks open, every
 * event a listener that is never called.
 */
function withVscode(file: string): unknown {
  const listen = () => ({ dispose: () => undefined });
  const vscode = {
    workspace: { onDidOpenTextDocument: listen, onDidChangeTextDocument: listen, onDidCloseTextDocument: listen, onDidCreateFiles: listen, onDidRenameFiles: listen, onDidDeleteFiles: listen, onWillCreateFiles: listen, onWillRenameFiles: listen, onWillDeleteFiles: listen, notebookDocuments: [], textDocuments: [] },
    languages: { match: () => 0 },
    CancellationError: class extends Error {},
    Disposable: class {
      constructor(readonly dispose: () => void) {}
    },
    EventEmitter: class {
      event = listen;
      fire(): void {}
      dispose(): void {}
    },
  };
  const Module = load('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  try {
    return load(file);
  } finally {
    Module._load = original;
  }
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

  describe('the decoders of `entities`, on the table read from its trie (entities-decode.cjs, entities-table.cjs)', () => {
    type Decoders = { decodeHTML: (s: string, mode?: number) => string; decodeHTMLStrict: (s: string) => string };
    const real = load(path.join(repoRoot, 'node_modules', 'entities')) as Decoders;
    const ours = shim('entities-decode.cjs') as Decoders;
    const table = shim('entities-table.cjs') as { names: string; replaced: Array<[number, number]> };
    /** Every name the table holds, with its `;`, and the legacy ones without it too (read back from the table's form). */
    const names = (() => {
      const out: string[] = [];
      let before = '';
      for (let i = 0; i < table.names.length; ) {
        const header = table.names.charCodeAt(i) - 33;
        const space = table.names.indexOf(' ', i + 1);
        const name = before.slice(0, header >> 2) + table.names.slice(i + 1, space);
        out.push(`${name};`);
        if (header & 1) out.push(name);
        i = space + 1;
        for (let k = header & 2 ? 2 : 1; k > 0; k--) i += String.fromCodePoint(table.names.codePointAt(i)!).length;
        before = name;
      }
      return out;
    })();
    /** Both decoders on `s`, or the error each throws. After a throw, entities' decoder keeps what it had
     * decoded of that string in its buffer and puts it before its next answer: a call on '' clears it. */
    const both = (d: Decoders, s: string) => [d.decodeHTML, d.decodeHTMLStrict].map((f) => {
      try {
        return f(s);
      } catch (e) {
        f('');
        return `throws ${(e as Error).name}`;
      }
    });
    const same = (s: string) => assert.deepEqual(both(ours, s), both(real, s), JSON.stringify(s));

    it('holds the WHATWG list: 2 125 names with `;`, 106 of them also without', () => {
      assert.equal(names.filter((n) => n.endsWith(';')).length, 2125);
      assert.equal(names.filter((n) => !n.endsWith(';')).length, 106);
      for (const n of names) assert.notEqual(real.decodeHTML(`&${n}`), `&${n}`, n);
      assert.equal(table.replaced.length, 28, 'entities\' code point replacements: 0 and the C1 controls');
    });

    it('decodes every name as entities does: alone, with text after it, cut short, doubled, in the other case', () => {
      for (const n of names) {
        for (const s of [`&${n}`, `x&${n}y`, `&${n};`, `&${n.slice(0, -1)}`, `&${n}${n}`, `&${n}1;`, `&${n.toUpperCase()}`, `&${n.toLowerCase()};`]) same(s);
      }
    });

    it('decodes numeric references as entities does: decimal, hex, without `;`, replaced and refused code points', () => {
      const values = ['0', '00065', '128', '150', '159', '55296', '57343', '65533', '1114111', '1114112', '1'.repeat(308), '1'.repeat(309), 'f'.repeat(255), 'f'.repeat(256)];
      for (const v of values) for (const s of [`&#${v};`, `&#x${v};`, `&#X${v}`, `&#${v}z`, `a&#${v}&#x${v}`]) same(s);
      for (const s of ['&#', '&#;', '&#x', '&#x;', '&#xg;', '&#-1;', '&&#65;&', '&#65&#66;']) same(s);
    });

    it('decodes text mixed at random from names, digits and punctuation as entities does (100 000 strings, seeded)', () => {
      const pieces = ['&', '#', 'x', 'X', ';', '1', '9', 'a', 'F', 'g', ' ', 'amp', 'not', 'in', 'lt', 'AElig', 'ẩ', '😀', '&#', '0', '-', '=', 'Tỷ lệ 42%'];
      let seed = 14;
      const pick = (m: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % m;
      };
      for (let i = 0; i < 100_000; i++) {
        let s = '';
        for (let j = pick(12); j > 0; j--) s += pick(3) ? pieces[pick(pieces.length)] : `&${names[pick(names.length)]}`.slice(pick(2));
        same(s);
      }
    });

    it('refuses the attribute mode, which no caller in the bundles uses', () => {
      assert.throws(() => ours.decodeHTML('&amp', 2), /mode 2/);
      assert.equal(ours.decodeHTML('&amp', 0), '&');
      assert.equal(ours.decodeHTML('&amp', 1), '&amp');
    });
  });

  describe('xmldom\'s entity tables, on the decoder markdown-it uses (entities-decode.cjs)', () => {
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

  describe('linkify-it, which markdown-it builds but never asks with linkify off', () => {
    // The bundled markdown-it (this test bundle's, on the shim as in the shipped bundles) and the one
    // in node_modules, loaded at run time with the real linkify-it.
    type Md = { parse(src: string, env: object): Array<{ type: string; content: string; children: Array<{ type: string; content: string }> | null }> };
    type MdClass = new (preset: string, options: object) => Md;
    const real = load(path.join(repoRoot, 'node_modules', 'markdown-it')) as MdClass;
    const texts = [
      'Xem https://vnexpress.net/a, www.mic.gov.vn và lienhe@mst.gov.vn.',
      '| Nguồn | Địa chỉ |\n|---|---|\n| Bộ | https://mst.gov.vn/tin-tuc?id=5 |',
      '- <https://dangcongsan.vn> và [bài](http://baochinhphu.vn "Báo Chính phủ")\n- ftp://a.b/c, mailto:x@y.vn',
    ];
    const tokens = (md: Md, text: string) => md.parse(text, {}).map((t) => [t.type, t.content, t.children?.map((c) => [c.type, c.content])]);

    it('parses as markdown-it with linkify-it does, links and bare addresses alike', () => {
      for (const preset of ['commonmark', 'default']) {
        const options = { html: true, linkify: false };
        for (const text of texts) assert.deepEqual(tokens(new MarkdownIt(preset as 'commonmark', options), text), tokens(new real(preset, options), text), `${preset}: ${text}`);
      }
    });

    it('throws, saying why, when linkify is turned on', () => {
      assert.throws(() => new MarkdownIt('default', { linkify: true }).parse(texts[0], {}), /linkify is off in policy-report/);
    });
  });

  describe('markdown-it\'s parts the parser never runs (markdown-it-off.mjs)', () => {
    it('throws, saying why, when a rule or the renderer is asked anyway', () => {
      for (const f of [ruleOff('rules_core/smartquotes.mjs'), pairOff('rules_inline/strikethrough.mjs').tokenize, pairOff('rules_inline/strikethrough.mjs').postProcess]) {
        assert.throws(() => f(), /markdown-it's rules_(core\/smartquotes|inline\/strikethrough)\.mjs is not in policy-report's bundles/);
      }
      const renderer = new RendererOff() as unknown as Record<string, (...a: unknown[]) => unknown> & { rules: object };
      assert.deepEqual(renderer.rules, {});
      for (const name of ['render', 'renderInline', 'renderInlineAsText', 'renderToken', 'renderAttrs']) assert.throws(() => renderer[name]([], {}, {}), new RegExp(`Renderer#${name}`));
    });

    it('stands for what the parser\'s preset leaves off: linkify, the typographer, strikethrough', () => {
      // The parser's instance (parse/markdown.ts): the commonmark preset with linkify and typographer
      // off and `table` enabled (it disables more, enables nothing else).
      type Ruler = { __rules__: Array<{ name: string; enabled: boolean }> };
      const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false }).enable('table');
      const enabled = [md.core.ruler, md.inline.ruler, md.inline.ruler2].flatMap((r) => (r as unknown as Ruler).__rules__.filter((x) => x.enabled).map((x) => x.name));
      for (const off of ['linkify', 'replacements', 'smartquotes', 'strikethrough']) assert.ok(!enabled.includes(off), off);
      assert.ok(enabled.includes('emphasis') && enabled.includes('entity'), enabled.join(' '));
      const source = readFileSync(path.join(repoRoot, 'server', 'src', 'core', 'parse', 'markdown.ts'), 'utf8');
      assert.match(source, /new MarkdownIt\('commonmark', \{ html: true, linkify: false, typographer: false \}\)/);
      assert.deepEqual(source.match(/\.enable\([^)]*\)/g), [".enable('table')"]);
      assert.ok(!/\.render(Inline)?\(|\.renderer\b/.test(source), 'the parser renders');
    });
  });

  describe('vscode-languageclient\'s features the server never offers (features-off.cjs)', () => {
    type Feature = {
      registrationType: { method: string };
      getState(): unknown;
      fillClientCapabilities(c: object): void;
      preInitialize?(c: object, s: unknown): void;
      initialize(c: object, s: unknown): void;
      register(d: object): void;
      unregister(id: string): void;
      clear(): void;
      handles?(d: object): boolean;
    };
    type FeatureClass = new (client: object) => Feature;
    const { FEATURES, featuresOff } = shim('features-off.cjs') as { FEATURES: Record<string, Array<[string, { method: string }, string, string]>>; featuresOff: (m: string) => Record<string, FeatureClass> };
    const common = path.join(repoRoot, 'node_modules', 'vscode-languageclient', 'lib', 'common');
    /** The requests from the server each feature answers (`onRequest`), by the client it was made with. */
    const handled = new Map<object, string[]>();
    const clientFor = () => {
      const client = { clientOptions: {}, protocol2CodeConverter: {}, code2ProtocolConverter: {}, onRequest: (type: { method: string }) => (handled.get(client)!.push(type.method), { dispose: () => undefined }) };
      handled.set(client, []);
      return client;
    };
    /** policy-report's server capabilities (server/src/lsp/server.ts), pull diagnostics on. */
    const serverCapabilities = {
      textDocumentSync: 2,
      completionProvider: { triggerCharacters: ['['], resolveProvider: false },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true },
      documentSymbolProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      inlayHintProvider: true,
      executeCommandProvider: { commands: ['policyReport.showCatalogEntry'] },
      diagnosticProvider: { identifier: 'policy-report', interFileDependencies: true, workspaceDiagnostics: false },
    };
    const selector = [{ language: 'policy-report' }];
    /** A report, and a notebook cell (notebook sync handles cells only). */
    const documents = [
      { uri: { scheme: 'file', toString: () => 'file:///a.report.md' }, languageId: 'policy-report' },
      { uri: { scheme: 'vscode-notebook-cell', toString: () => 'vscode-notebook-cell:/n#1' }, languageId: 'policy-report' },
    ];

    it('stands for every feature of those modules the client registers', () => {
      const source = readFileSync(path.join(common, 'client.js'), 'utf8');
      for (const module of Object.keys(FEATURES)) {
        const used = [...new Set([...source.matchAll(new RegExp(`\\b${module}_1\\.(\\w+)`, 'g'))].map((m) => m[1]))].sort();
        assert.deepEqual(Object.keys(featuresOff(module)).sort(), used, module);
      }
    });

    it('answers as the library\'s features do for policy-report\'s server, which offers none of them', () => {
      for (const [module, list] of Object.entries(FEATURES)) {
        const real = withVscode(path.join(common, `${module}.js`)) as Record<string, FeatureClass>;
        const ours = featuresOff(module);
        for (const [name] of list) {
          const [ca, cb] = [clientFor(), clientFor()];
          const [a, b] = [new real[name](ca), new ours[name](cb)];
          assert.equal(b.registrationType.method, a.registrationType.method, name);
          assert.deepEqual(b.getState(), a.getState(), name);
          for (const f of [a, b]) f.preInitialize?.(serverCapabilities, selector);
          for (const f of [a, b]) f.initialize(serverCapabilities, selector);
          for (const f of [a, b]) f.initialize({ ...serverCapabilities, renameProvider: false, workspace: { fileOperations: {} } }, selector);
          assert.deepEqual(b.getState(), a.getState(), name);
          if (a.handles) for (const d of documents) assert.equal(b.handles!(d), a.handles(d), `${name}: ${d.uri.scheme}`);
          // The one difference: the library's semantic tokens, code lens, folding range and inline value
          // features answer the server's refresh request, which they advertise; these advertise none
          // and answer none (policy-report's server sends only the diagnostics' refresh).
          assert.deepEqual(handled.get(cb), [], name);
          assert.ok(handled.get(ca)!.every((m) => /^workspace\/(semanticTokens|codeLens|foldingRange|inlineValue)\/refresh$/.test(m)), `${name}: ${handled.get(ca)}`);
          for (const f of [a, b]) {
            f.unregister('x');
            f.clear();
          }
        }
      }
    });

    it('offers none of them, and says why to a server that declares or registers one', () => {
      for (const [module, list] of Object.entries(FEATURES)) {
        for (const [name, , capability] of list) {
          const f = new (featuresOff(module)[name])(clientFor());
          const capabilities: Record<string, unknown> = {};
          f.fillClientCapabilities(capabilities);
          assert.deepEqual(capabilities, {}, name);
          const declared = capability.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), { documentSelector: selector });
          assert.throws(() => f.preInitialize!(declared as object, selector), new RegExp(`${name} \\(.*\\) is not in policy-report's client`));
          assert.throws(() => f.initialize(declared as object, selector), new RegExp(`${name} \\(.*\\) is not in policy-report's client`));
          assert.throws(() => f.register({ id: '1', registerOptions: { documentSelector: selector } }), /is not in policy-report's client/);
        }
      }
    });

    it('is what the server needs: it declares none of their capabilities and sends none of their refreshes', () => {
      const lsp = path.join(repoRoot, 'server', 'src', 'lsp');
      const server = readFileSync(path.join(lsp, 'server.ts'), 'utf8');
      const keys = Object.values(FEATURES).flat().map(([, , capability]) => capability.split('.').pop()!);
      assert.deepEqual(keys.filter((k) => server.includes(k)), []);
      assert.ok(!server.includes('fileOperations'));
      assert.ok(!/notebook/i.test(server), 'server.ts mentions notebooks');
      for (const f of readdirSync(lsp).filter((f) => f.endsWith('.ts'))) {
        assert.deepEqual(readFileSync(path.join(lsp, f), 'utf8').match(/semanticTokens|codeLens|foldingRange|inlineValue/g), null, f);
      }
    });
  });

  describe('vscode-languageserver\'s features the server never uses (server-features-off.cjs)', () => {
    type Mixins = Record<string, (base: new () => object) => new () => object>;
    const { FEATURES, serverFeaturesOff } = shim('server-features-off.cjs') as { FEATURES: Record<string, { mixins: Record<string, string[]>; classes?: string[] }>; serverFeaturesOff: (m: string) => Mixins };
    const common = path.join(repoRoot, 'node_modules', 'vscode-languageserver', 'lib', 'common');
    /** What a mixin adds to the class it extends: its prototype's own members. */
    const members = (mixin: Mixins[string]) => Object.getOwnPropertyNames(mixin(class {}).prototype).filter((m) => m !== 'constructor').sort();

    it('stands for every export of those modules that the library\'s server and api read', () => {
      const source = ['server.js', 'api.js'].map((f) => readFileSync(path.join(common, f), 'utf8')).join('\n');
      for (const module of Object.keys(FEATURES)) {
        const used = [...new Set([...source.matchAll(new RegExp(`\\b${module}_1\\.(\\w+)`, 'g'))].map((m) => m[1]))].sort();
        assert.ok(used.length > 0, module);
        assert.deepEqual(Object.keys(serverFeaturesOff(module)).sort(), used, module);
      }
    });

    it('adds the members the library\'s mixins add, each throwing, saying why; their classes throw when made', () => {
      for (const [module, { mixins, classes = [] }] of Object.entries(FEATURES)) {
        const real = load(path.join(common, `${module}.js`)) as Mixins;
        const ours = serverFeaturesOff(module);
        for (const [name, list] of Object.entries(mixins)) {
          assert.deepEqual(members(ours[name]), members(real[name]), name);
          assert.deepEqual([...list].sort(), members(real[name]), name);
          const instance = new (ours[name](class {}))() as Record<string, unknown>;
          for (const member of list) assert.throws(() => instance[member], new RegExp(`${name}'s ${member} is not in policy-report's language server`));
        }
        for (const name of classes) {
          assert.equal(typeof real[name], 'function', name);
          assert.throws(() => new (ours[name] as unknown as new () => object)(), new RegExp(`${name} is not in policy-report's language server`));
        }
      }
    });

    it('leaves what the server uses: inlay hints, pull diagnostics, showDocument, progress, configuration, workspace folders', () => {
      for (const kept of ['inlayHint', 'diagnostic', 'showDocument', 'progress', 'configuration', 'workspaceFolder', 'textDocuments']) assert.ok(!(kept in FEATURES), kept);
      const lsp = path.join(repoRoot, 'server', 'src', 'lsp');
      const names = Object.values(FEATURES).flatMap(({ mixins, classes = [] }) => [...Object.values(mixins).flat(), ...classes]);
      for (const f of readdirSync(lsp).filter((f) => f.endsWith('.ts'))) {
        const source = readFileSync(path.join(lsp, f), 'utf8');
        assert.deepEqual(names.filter((n) => new RegExp(`\\.${n}\\b|\\b${n}\\(`).test(source)), [], f);
      }
      assert.match(readFileSync(path.join(lsp, 'handlers.ts'), 'utf8'), /connection\.window\.showDocument\(/);
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

  describe('csv-parse\'s normalize_options, for the options core/history/csv.ts passes (csv-options.mjs)', () => {
    it('knows the options csv.ts passes, and gives what the library gives for them, key for key', () => {
      assert.deepEqual(CSV_SHIM_OPTIONS, CSV_OPTIONS);
      const [ours, real] = [csvOptionsOurs({ ...CSV_OPTIONS }), csvOptionsReal({ ...CSV_OPTIONS })];
      assert.deepEqual(Object.keys(ours), Object.keys(real));
      assert.deepEqual(ours, real);
      // A new object each call, as the library's (the parser writes into it after a BOM).
      assert.notEqual(csvOptionsOurs({ ...CSV_OPTIONS }).quote, ours.quote);
    });

    it('refuses any other set of options rather than guess', () => {
      for (const other of [{}, { ...CSV_OPTIONS, bom: true }, { ...CSV_OPTIONS, trim: false }, { relax_column_count: true }, null]) {
        assert.throws(() => csvOptionsOurs(other), /not in policy-report's bundles/, JSON.stringify(other));
      }
    });
  });

  describe('vscode-uri\'s URI module alone (lib/umd/uri.js, scripts/build.mjs uriAlone), as lsp/files.ts fileUri calls it', () => {
    it('spells file URIs as the package\'s bundled build does', () => {
      const alone = load(path.join(repoRoot, 'node_modules', 'vscode-uri', 'lib', 'umd', 'uri.js')) as { URI: typeof URI };
      const paths = ['/home/an/Báo cáo (2024)/a b.report.md', '/tmp/x!$&\'()*+,;=@%#?.md', '/a/./b/../c', '//server/share/d.md', 'C:\\Users\\an\\r.md', 'c:/x', '', '/', '/ü/💡/\u00a0', 'relative/p.md'];
      for (const p of paths) {
        assert.equal(alone.URI.file(p).toString(), URI.file(p).toString(), p);
        assert.equal(alone.URI.file(p).fsPath, URI.file(p).fsPath, p);
      }
    });
  });

  describe('minimatch, which the client never runs (minimatch-off.cjs)', () => {
    const lib = path.join(repoRoot, 'node_modules', 'vscode-languageclient', 'lib');
    const FEATURES = (shim('features-off.cjs') as { FEATURES: Record<string, unknown> }).FEATURES;

    it('is required by the client library only in diagnostic.js and in features the server never offers', () => {
      const requiring = ['common', 'node'].flatMap((d) => readdirSync(path.join(lib, d)).filter((f) => f.endsWith('.js') && /require\("minimatch"\)/.test(readFileSync(path.join(lib, d, f), 'utf8'))));
      assert.deepEqual(requiring.filter((f) => !(f.slice(0, -3) in FEATURES)), ['diagnostic.js']);
    });

    it('is reached in diagnostic.js only past a filter without a language, and the client\'s selector begins with one that names it', () => {
      const diagnostic = readFileSync(path.join(lib, 'common', 'diagnostic.js'), 'utf8');
      const match = diagnostic.slice(diagnostic.indexOf('const matchResource'), diagnostic.indexOf('new minimatch.Minimatch'));
      assert.match(match, /if \(diagnosticPullOptions\.match !== undefined\) \{\s*return diagnosticPullOptions\.match\(selector, resource\);\s*\}\s*for \(const filter of selector\) \{/);
      assert.match(match, /if \(filter\.language !== undefined && filter\.language !== '\*'\) \{\s*return false;\s*\}/);
      assert.equal(diagnostic.split('new minimatch.Minimatch').length, 2);
      const client = readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
      assert.match(client, /documentSelector: \[\s*(\/\/[^\n]*\n\s*)*\{ scheme: 'file', language: 'policy-report' \},/);
      assert.ok(!/diagnosticPullOptions/.test(client));
    });

    it('throws if asked, saying why', () => {
      const { Minimatch } = shim('minimatch-off.cjs') as { Minimatch: new (pattern: string, options: object) => unknown };
      assert.throws(() => new Minimatch('**/*.yaml', { noext: true }), /not in policy-report's client/);
    });
  });

  describe('vscode-languageserver\'s Files helpers, which the server never calls (server-files-off.cjs)', () => {
    const node = path.join(repoRoot, 'node_modules', 'vscode-languageserver', 'lib', 'node');
    const ours = shim('server-files-off.cjs') as Record<string, unknown>;

    it('exports what lib/node/files.js exports, each a refusal', () => {
      const real = load(path.join(node, 'files.js')) as Record<string, unknown>;
      assert.deepEqual(Object.keys(ours).sort(), Object.keys(real).sort());
      assert.deepEqual(Object.keys(ours.FileSystem as object).sort(), Object.keys(real.FileSystem as object).sort());
      assert.throws(() => (ours.uriToFilePath as (u: string) => string)('file:///a'), /Files\.uriToFilePath is not in policy-report's language server/);
      assert.throws(() => (ours.FileSystem as { isParent: (a: string, b: string) => boolean }).isParent('/a', '/a/b'), /not in policy-report's language server/);
    });

    it('is used by main.js only for the Files namespace, and by no module of the server', () => {
      const main = readFileSync(path.join(node, 'main.js'), 'utf8');
      assert.deepEqual([...main.matchAll(/\bfm\.(\w+)/g)].map((m) => m[1]).sort(), ['resolve', 'resolveGlobalNodePath', 'resolveGlobalYarnPath', 'resolveModulePath', 'uriToFilePath']);
      for (const line of main.split('\n').filter((l) => /\bfm\./.test(l))) assert.match(line, /^\s*Files\.\w+ = fm\.\w+;$/);
      const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
      for (const f of sources(path.join(repoRoot, 'server', 'src'))) assert.doesNotMatch(readFileSync(f, 'utf8'), /import \{[^}]*\bFiles\b[^}]*\} from 'vscode-languageserver/, f);
    });
  });
  describe('jszip\'s base64, binary-string and Node stream modules, which our callers never reach (jszip-off.cjs)', () => {
    const lib = path.join(repoRoot, 'node_modules', 'jszip', 'lib');
    const { OFF } = shim('jszip-off.cjs') as { OFF: Record<string, unknown> };

    it('stands for modules jszip has, with their shape, each a refusal', () => {
      for (const [part, ours] of Object.entries(OFF)) {
        const real = load(path.join(lib, part)) as unknown;
        assert.equal(typeof ours, typeof real, part);
        if (typeof real === 'object') assert.deepEqual(Object.keys(ours as object).sort(), Object.keys(real as object).sort(), part);
      }
      assert.throws(() => (OFF['base64.js'] as { decode: (s: string) => unknown }).decode('UEs='), /base64 decoding is not in policy-report/);
      assert.throws(() => new (OFF['reader/StringReader.js'] as new (s: string) => unknown)('PK'), /StringReader is not in policy-report/);
    });

    it('is reached only by a base64 or binary-string input or output or a stream, which no module of ours gives or asks', async () => {
      // What the callers do, on the real library: bytes in, strings and bytes out; every part read back.
      const zip = new JSZip();
      zip.file('a.xml', '<a>ồ</a>');
      zip.file('b.bin', new Uint8Array([1, 2, 3]));
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
      const back = await JSZip.loadAsync(Buffer.from(bytes));
      assert.equal(await back.file('a.xml')!.async('string'), '<a>ồ</a>');
      assert.deepEqual([...(await back.file('b.bin')!.async('uint8array'))], [1, 2, 3]);
      assert.equal((await back.file('b.bin')!.async('nodebuffer')).length, 3);
      const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
      for (const f of sources(path.join(repoRoot, 'server', 'src'))) {
        const text = readFileSync(f, 'utf8');
        if (!/from 'jszip'/.test(text)) continue;
        assert.doesNotMatch(text, /base64|binary:|optimizedBinaryString|nodeStream|generateNodeStream|\.async\('(binarystring|base64|arraybuffer|blob)'\)|type: '(binarystring|base64|string|blob|arraybuffer)'/, f);
        for (const m of text.matchAll(/\.async\('(\w+)'\)/g)) assert.ok(['string', 'nodebuffer', 'uint8array'].includes(m[1]), `${f}: async('${m[1]}')`);
        for (const m of text.matchAll(/generateAsync\(\{ type: '(\w+)'/g)) assert.ok(['uint8array', 'nodebuffer'].includes(m[1]), `${f}: generateAsync ${m[1]}`);
      }
    });
  });
});
