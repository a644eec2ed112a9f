// Drives the VS Code workbench in Chromium as a person would: the Explorer, the editor, the Problems panel.

/** Waits until the workbench shows the Explorer with the folder's files. */
export async function waitForExplorer(page, fileName, timeout) {
  await explorerRow(page, fileName).waitFor({ state: 'visible', timeout });
}

function explorerRow(page, fileName) {
  return page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: fileName }) }).first();
}

/** Clicks the file in the Explorer and waits for its editor tab. */
export async function openFromExplorer(page, fileName, timeout) {
  await explorerRow(page, fileName).click({ timeout });
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor({ state: 'visible', timeout });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout });
}

/** Waits for the first error or warning squiggle in the editor. */
export async function waitForSquiggles(page, timeout) {
  await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout });
  return page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').count();
}

/** The language mode shown in the status bar (e.g. "Policy Report"). */
export async function languageMode(page, timeout) {
  const item = page.locator('[id="status.editor.mode"]');
  await item.waitFor({ state: 'visible', timeout });
  return (await item.innerText()).trim();
}

/** Resolves after the browser has painted a frame (the workbench renders a scroll in the next frame). */
function nextFrame(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
}

/**
 * Opens the Problems panel with Ctrl+Shift+M and reads it as a person would, scrolling down its
 * list (only the rows in view are in the page) until every one of `needles` has been seen.
 * Returns the text of all rows seen; throws, naming what is missing, after `timeout`.
 */
export async function problemsPanel(page, needles, timeout) {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout });
  const list = panel.locator('.monaco-list').first();
  await list.waitFor({ state: 'visible', timeout });
  const box = await list.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const seen = new Set();
  const until = Date.now() + timeout;
  let last = '';
  for (;;) {
    const rows = await panel.locator('.monaco-list-row').allInnerTexts();
    for (const r of rows) seen.add(r.replace(/\s+/g, ' ').trim());
    const text = [...seen].join('\n');
    const missing = needles.filter((n) => !text.includes(n));
    if (missing.length === 0) break;
    if (Date.now() > until) throw new Error(`the Problems panel does not list ${JSON.stringify(missing)}; it lists:\n${text}`);
    const now = rows.join('\n');
    // At the end of the list (nothing new after a scroll): back to the top, and read again as findings arrive.
    if (now === last) await list.press('Home');
    else await page.mouse.wheel(0, box.height * 0.8);
    last = now;
    await nextFrame(page);
  }
  // Back to the top, as the panel first showed it: Home in the list.
  await page.mouse.move(1, 1); // no hover left over the list
  await list.press('Home');
  await panel.locator('.monaco-list-row[data-index="0"]').waitFor({ state: 'visible', timeout });
  await nextFrame(page);
  return [...seen].join('\n');
}
