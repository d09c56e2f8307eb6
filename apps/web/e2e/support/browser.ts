import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
