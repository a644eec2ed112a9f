// docx's build (dist/index.mjs) pastes in a copy of the `events` package, the browser port of Node's
// `events` module, for the EventEmitter its Packer.toStream's stream extends (src/export/packer/stream.ts:
// `import_events.EventEmitter`, `import_events.EventEmitter.listenerCount`). The bundles run in Node:
// scripts/build.mjs loads docx's file through withNodeEvents, which puts Node's own module in that
// copy's place, as the build gives jszip Node's stream for readable-stream. The lines stay where they
// were (the copy's lines are left empty). test/unit/package-shims.test.ts compares the result with docx.

/** Where the pasted-in copy starts (a CommonJS wrapper of rolldown's) and ends. */
const START = 'var import_events = (/* @__PURE__ */ __commonJSMin(((exports, module) => {\n';
const END = '\n})))();\n';

/**
 * docx's dist/index.mjs with its copy of `events` replaced by Node's `events` (the default import is
 * the module's `module.exports`, the EventEmitter class, as the copy's was). Throws when the copy is
 * not where it was (another docx build): the build fails rather than ship both.
 */
export function withNodeEvents(source, file = 'docx/dist/index.mjs') {
  const start = source.indexOf(START);
  const end = start < 0 ? -1 : source.indexOf(END, start);
  const copy = end < 0 ? '' : source.slice(start, end + END.length);
  if (!copy || !copy.includes('EventEmitter.defaultMaxListeners') || source.indexOf(START, start + 1) >= 0) {
    throw new Error(`${file}: docx's copy of the events package was not found where scripts/shims/docx-events.mjs expects it; check the new docx build and update the shim`);
  }
  const lines = copy.split('\n').length - 1;
  return `${source.slice(0, start)}import import_events from "node:events";${'\n'.repeat(lines)}${source.slice(end + END.length)}`;
}

/** The esbuild plugin: docx's file loaded through withNodeEvents. */
export const docxEvents = {
  name: 'docx-events',
  setup(build) {
    build.onLoad({ filter: /[\\/]docx[\\/]dist[\\/]index\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: withNodeEvents(await readFile(args.path, 'utf8'), args.path), loader: 'js' };
    });
  },
};
