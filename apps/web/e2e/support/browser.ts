import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run); CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of every page the journeys visit (README: "Screenshots"). */
export const SCREENSHOT_DIR = join(__dirname, '../../../../tmp/screenshots');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is required for the web journeys: ${CHROMIUM_PATH} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Words that would mean an English UI string, an enum code or a raw value reached the screen. Vietnamese syllables
 * written without tones ("an", "to", "the") are not listed: they are real words in unit names.
 */
const ENGLISH = /\b(undefined|null|NaN|Invalid Date|true|false|loading|error|submit|cancel|search|select|upload|download|delete|save|next|previous|items?|page|total|status|name|date|year|score|rank|ranking|unit|campaign|assessment|report|draft|published|submitted|verified|please|failed|success|required|the|and|with|of|for|object Object)\b/i;
const ENUM_CODE = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b/;

const EXPECTED_REFUSAL = /^Failed to load resource: the server responded with a status of (400|401|403|409|422|423) /;

/** What a person reads on the page: the visible text, not scripts or styles. */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** A browser tab that records console errors and uncaught exceptions, and checks what a person sees. */
export class JourneyPage {
  private errors: string[] = [];
  private step = 0;

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly journey: string,
  ) {
    page.on('console', (m) => {
      // A refusal the app shows to the user (wrong password, invalid input, a stale version) is not a fault of the page;
      // a missing resource (404) or a server error is.
      if (m.type() === 'error' && !EXPECTED_REFUSAL.test(m.text())) this.errors.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => this.errors.push(String(e)));
  }

  static async open(browser: Browser, baseURL: string, journey: string): Promise<JourneyPage> {
    const context = await browser.newContext({ baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    // A public page the gateway sends rendered (apps/web/src/server.tsx) is readable at once, but answers clicks only
    // once the app has taken it over: every visit by address waits for that, as a person waits for the page to settle.
    const goto = page.goto.bind(page);
    page.goto = async (url, options) => {
      const response = await goto(url, options);
      if (await page.locator('#thidua-state').count()) await page.locator('#root[data-started]').waitFor({ state: 'attached' });
      return response;
    };
    mkdirSync(join(SCREENSHOT_DIR, journey), { recursive: true });
    return new JourneyPage(page, context, journey);
  }

  /**
   * Look at the page as a person would: no console error so far, no English word or enum code in the visible text,
   * then a screenshot under tmp/screenshots/<journey>/. `allow` lists text that may legitimately look English
   * (a unit code typed by the user, a file name).
   */
  async check(name: string, allow: RegExp[] = []): Promise<string> {
    await this.page.waitForLoadState('networkidle').catch(() => undefined);
    // A select's list still closing after a pick holds its options' values (rc-select's hidden list for screen
    // readers) where innerText reads them, and a date's calendar may still be fading: look once they have closed.
    await this.page
      .waitForFunction(() => !Array.from(document.querySelectorAll('.ant-select-dropdown, .ant-picker-dropdown')).some((d) => /-leave/.test(d.className) && d.getClientRects().length > 0), undefined, { timeout: 5_000 })
      .catch(() => undefined);
    let text = await visibleText(this.page);
    for (const a of allow) text = text.replace(new RegExp(a.source, a.flags.includes('g') ? a.flags : `${a.flags}g`), ' ');
    const english = ENGLISH.exec(text);
    const code = ENUM_CODE.exec(text);
    this.step += 1;
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, this.journey, `${String(this.step).padStart(2, '0')}-${name}.png`), fullPage: true });
    if (this.errors.length) throw new Error(`console errors on "${name}":\n${this.errors.join('\n')}`);
    if (english) throw new Error(`English text on "${name}": «${english[0]}» in …${text.slice(Math.max(0, english.index - 60), english.index + 60)}…`);
    if (code) throw new Error(`An enum code on "${name}": «${code[0]}» in …${text.slice(Math.max(0, code.index - 60), code.index + 60)}…`);
    return text;
  }

  /**
   * Answer a confirmation: a bubble (Popconfirm) or a dialog (modal.confirm). A click that lands while it is still
   * appearing can be lost, as a person's can; like a person, click again until it is gone.
   */
  async confirm(ok: string, kind: 'bubble' | 'dialog' = 'bubble'): Promise<void> {
    const box = (kind === 'bubble' ? this.page.locator('.ant-popover') : this.page.locator('.ant-modal-confirm')).filter({ visible: true }).last();
    await box.waitFor();
    for (let attempt = 0; ; attempt++) {
      await box.getByRole('button', { name: ok, exact: true }).click({ timeout: 5_000 }).catch(() => undefined);
      const gone = await box.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
      if (gone) return;
      if (attempt === 4) throw new Error(`the confirmation «${ok}» did not close`);
    }
  }

  /**
   * Run a journey; when a step fails, leave the page as the user saw it (loi.png beside the journey's screenshots)
   * and add what the page was saying (its alerts and messages) to the failure.
   */
  async run(journey: () => Promise<void>): Promise<void> {
    try {
      await journey();
      // A console error after the journey's last look at the page (a download, a last click) fails it as well.
      if (this.errors.length) throw new Error(`console errors after the last step:\n${this.errors.join('\n')}`);
    } catch (err) {
      await this.page.screenshot({ path: join(SCREENSHOT_DIR, this.journey, 'loi.png'), fullPage: true }).catch(() => undefined);
      const said = await this.page
        .locator('[role="alert"], .ant-message-notice, .ant-form-item-explain-error')
        .allInnerTexts()
        .catch(() => []);
      if (err instanceof Error && said.length) err.message += `\nThe page said: ${said.map((t) => `«${t.trim()}»`).join(' ')}`;
      if (err instanceof Error && this.errors.length) err.message += `\nConsole errors: ${this.errors.join('\n')}`;
      throw err;
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/**
 * Choose a file in the file dialog a button opens. A click that lands while the dialog around the button is still
 * settling on a busy machine may open nothing (a user clicks again): up to three clicks, five seconds apart.
 */
export async function chooseFile(page: Page, scope: Page | Locator, buttonName: string | RegExp, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 5_000 }), scope.getByRole('button', { name: buttonName }).click()]);
      await chooser.setFiles(file);
      return;
    } catch (err) {
      if (attempt >= 3 || !String(err).includes('filechooser')) throw err;
    }
  }
}

/**
 * Choose an option of an antd Select as a person does: open it (typing `typed` first to search, when given), click the
 * option, and look that the box now shows it. A list still settling after a search narrowed it can move under the
 * pointer between the press and the release, so the click lands beside it and nothing is chosen (seen in CI): like a
 * person, open it and pick again, up to three times.
 */
export async function chooseOption(page: Page, box: Locator, option: string | RegExp, typed?: string): Promise<void> {
  // The select around the box, found from the box itself: a box scoped to a dialog or a drawer
  // (`dialog.getByLabel(…)`) would not be found by `page.locator('.ant-select', { has: box })`, whose inner locator is
  // looked for inside each select.
  const select = box.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const shown = select.locator('.ant-select-content').first();
  // A multiple choice shows each chosen option on its own line.
  const matches = (text: string) => text.split('\n').some((line) => (typeof option === 'string' ? line.includes(option) : option.test(line.trim())));
  for (let attempt = 1; ; attempt++) {
    await box.click();
    if (typed !== undefined) await box.fill(typed);
    const id = await box.getAttribute('id');
    await page.locator(`.ant-select-dropdown:has([id="${id}_list"]) .ant-select-item-option`, { hasText: option }).first().click();
    const deadline = Date.now() + 3_000;
    let text = '';
    while (Date.now() < deadline) {
      text = await shown.innerText().catch(() => '');
      if (matches(text)) break;
      await page.waitForTimeout(100);
    }
    if (matches(text)) {
      // A single choice closes its list; a multiple one stays open for the next.
      if (!/\bant-select-multiple\b/.test((await select.getAttribute('class')) ?? '')) {
        await page.locator(`.ant-select-dropdown:has([id="${id}_list"])`).waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
      }
      return;
    }
    if (attempt === 3) throw new Error(`the list did not take «${String(option)}»: the box shows «${text}»`);
    await box.press('Escape').catch(() => undefined);
  }
}

/**
 * Choose an item of an antd Dropdown menu that a button opens on click, as a person does: click the button, and when
 * the menu has not opened within three seconds (a click that landed while the page around the button was still
 * settling on a busy machine, seen once in CI), click it again, up to three times; then click the item and wait for
 * the menu to close. A string names the item exactly; a RegExp for anything else.
 */
export async function chooseMenuItem(page: Page, button: Locator, item: string | RegExp): Promise<void> {
  // The menus a Dropdown opened earlier stay in the page, hidden: only the one shown now counts.
  const entry = page.locator('.ant-dropdown').getByRole('menuitem', { name: item, exact: typeof item === 'string' }).filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    // A second click on the button while its menu is open would close it again.
    if (!(await entry.isVisible())) await button.click();
    const open = await entry.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false);
    if (open) break;
    if (attempt === 3) throw new Error(`the menu did not open after three clicks on its button: no item «${String(item)}»`);
  }
  for (let attempt = 1; ; attempt++) {
    await entry.click({ timeout: 5_000 }).catch((err: unknown) => {
      if (attempt === 3) throw err;
    });
    const closed = await entry.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    if (closed) return;
    if (attempt === 3) throw new Error(`the menu stayed open after three clicks on «${String(item)}»`);
  }
}
