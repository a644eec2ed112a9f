// Modules the build embeds by name (server/src/builtin.d.ts declares them): the core names the
// data, never a path outside server/src. Used by scripts/build.mjs, scripts/gen.mjs and bench/build.mjs.
export const aliases = { 'policy-report:section-snippets': './snippets/policy-report.json' };
