import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Response } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); another path through GATEHOUSE_CHROMIUM. */
export const CHROMIUM_PATH = process.env['GATEHOUSE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Screenshots of the pages, gitignored, kept after the run for a person to look at. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'test-output', 'pages');

export function launchChromium(): Promise<Browser> {
  // Tests run as root in CI containers, where Chromium's sandbox cannot start.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly response: Response;
  /** Every console message about the Content-Security-Policy: a page that needs more than it allows. */
  readonly cspViolations: string[];
}

/**
 * Opens a link as its recipient would, in a fresh profile (no cookies), at the stack's own origin: the
 * test stacks do not know the port they will get when their public URL is set.
 */
export async function openLink(browser: Browser, baseUrl: string, link: string): Promise<OpenedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text())) cspViolations.push(message.text());
  });
  const { pathname, search } = new URL(link);
  const response = await page.goto(`${baseUrl}${pathname}${search}`);
  if (!response) throw new Error(`no response for ${pathname}`);
  return { context, page, response, cspViolations };
}

/** Submits the page's form and waits for the page the post answers with. */
export async function submitForm(page: Page): Promise<Response> {
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.click('button[type=submit]'),
  ]);
  await page.waitForLoadState('load');
  return answer;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The one link an email holds. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[0];
}
