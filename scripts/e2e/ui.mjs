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

/**
 * Opens the Problems panel with Ctrl+Shift+M and waits until every one of `needles` is listed in
 * it. Returns the panel's text. Throws, naming what is missing, after `timeout`.
 */
export async function problemsPanel(page, needles, timeout) {
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout });
  try {
    await page.waitForFunction(
      (want) => {
        const el = document.querySelector('.markers-panel');
        const text = el instanceof HTMLElement ? el.innerText : '';
        return want.every((n) => text.includes(n));
      },
      needles,
      { timeout, polling: 100 },
    );
  } catch {
    const text = await panel.innerText().catch(() => '');
    const missing = needles.filter((n) => !text.includes(n));
    throw new Error(`the Problems panel does not list ${JSON.stringify(missing)}; it shows:\n${text}`);
  }
  return panel.innerText();
}
