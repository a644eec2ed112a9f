/**
 * The walkthrough's "hover for the history" step (pure: the client moves the cursor and shows the
 * hover). A link in the walkthrough runs its command while the Welcome page has the focus, where
 * `editor.action.showHover` has nothing to show: the step's own command first brings a report to
 * the front with the cursor on its first reference.
 */

/**
 * The offset inside the first `[[name]]` reference of a report's text (two characters into the
 * name), past the front matter and outside HTML comments (the first report's comment shows `[[ ]]`
 * as an example); undefined when the report has none.
 */
export function firstReferenceOffset(text: string): number | undefined {
  const fm = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  let from = fm ? fm[0].length : 0;
  const ref = /<!--[\s\S]*?(?:-->|$)|\[\[(?=[^\s\]])[^\]\n]+\]\]/g;
  ref.lastIndex = from;
  for (let m = ref.exec(text); m; m = ref.exec(text)) {
    if (m[0].startsWith('[[')) return m.index + Math.min(4, m[0].length - 2);
    from = ref.lastIndex;
  }
  return undefined;
}
