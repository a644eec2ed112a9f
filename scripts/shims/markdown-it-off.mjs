// The parts of markdown-it that the one MarkdownIt of the bundles never runs, in their place
// (scripts/build.mjs, plugin `markdown-it-off`): server/src/core/parse/markdown.ts builds the
// commonmark preset with linkify and typographer off and `table` enabled, and only parses. So
// - rules_core/linkify.mjs, rules_inline/linkify.mjs: linkify is off (linkify-it is off too:
//   scripts/shims/linkify-off.cjs);
// - rules_core/replacements.mjs, rules_core/smartquotes.mjs: the typographer is off;
// - rules_inline/strikethrough.mjs: not in the commonmark preset, never enabled;
// - renderer.mjs: nothing is rendered to HTML (the preview is VS Code's own markdown-it, extended
//   by client/src/preview.ts).
// markdown-it registers each rule by name, disabled; asked anyway (a rule enabled, `md.render`),
// these throw, saying why. test/unit/package-shims.test.ts holds the parser to that.

const why = (part) => `markdown-it's ${part} is not in policy-report's bundles (scripts/shims/markdown-it-off.mjs): the parser (parse/markdown.ts) never runs it`;

/** A rule markdown-it registers and never calls. */
export function ruleOff(part) {
  return function off() {
    throw new Error(why(part));
  };
}

/** A rule of both inline rulers (tokenize, then postProcess), as rules_inline/strikethrough.mjs. */
export function pairOff(part) {
  return { tokenize: ruleOff(part), postProcess: ruleOff(part) };
}

/** markdown-it's Renderer: `rules` kept (plugins may set them), every method throws. */
export class RendererOff {
  constructor() {
    this.rules = {};
  }
}
for (const name of ['render', 'renderInline', 'renderInlineAsText', 'renderToken', 'renderAttrs']) {
  RendererOff.prototype[name] = ruleOff(`renderer.mjs (Renderer#${name})`);
}
