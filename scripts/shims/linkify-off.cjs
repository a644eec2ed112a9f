// `linkify-it`, which markdown-it constructs in every instance (`md.linkify`) for its two linkify rules.
// The one MarkdownIt of the bundles (server/src/core/parse/markdown.ts) is the commonmark preset with
// `linkify: false`, and both rules (rules_core/linkify.mjs, rules_inline/linkify.mjs) return before
// they ask it: the bundles alias linkify-it to this class (scripts/build.mjs) instead of carrying the
// library and its Unicode tables. Asked anyway (linkify turned on), it throws, saying why.
'use strict';

class LinkifyOff {}
for (const name of ['add', 'set', 'test', 'pretest', 'testSchemaAt', 'match', 'matchAtStart', 'tlds', 'normalize', 'onCompile']) {
  LinkifyOff.prototype[name] = () => {
    throw new Error(`linkify-it.${name}: linkify is off in policy-report (parse/markdown.ts); the bundles carry no linkify-it (scripts/shims/linkify-off.cjs)`);
  };
}
module.exports = LinkifyOff;
