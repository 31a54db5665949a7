import type { Browser } from 'playwright-core';
import { newUserBody, openAccount, type OpenedAccount } from '../http/scenario';
import { type LifecycleStack, lockOut, login, messageTo, strongPassword } from '../http/user-lifecycle.kit';
import { launchChromium, linkIn, openLink, type OpenedPage, screenshot, submitForm } from './browser';

const PAGE_TIMEOUT_MS = 120_000;

/** What every page answers with: its policy, no framing, no Referer. */
function expectSecureHeaders(opened: OpenedPage): void {
  const headers = opened.response.headers();
  expect(headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+';/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toBe('no-store');
}

/**
 * The pages emailed links open, in a real browser (Debian's Chromium driven by playwright-core): each is
 * opened from the link in the outbox, filled and sent, and the person then logs in over the API.
 */
export function pagesScenarios(stack: () => LifecycleStack, mode: string): void {
  let browser: Browser;
  let account: OpenedAccount;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
    account = await openAccount(stack().users, stack().operatorToken);
  }, PAGE_TIMEOUT_MS);
  afterAll(async () => {
    for (const each of opened) await each.context.close();
    await browser?.close();
  });
  const open = async (link: string) => {
    // The gateway is the public URL when distributed; the embedded test app learns its port too late.
    if (mode === 'distributed') expect(new URL(link).origin).toBe(stack().users.baseUrl);
    const page = await openLink(browser, stack().users.baseUrl, link);
    opened.push(page);
    return page;
  };
  const createUser = async (overrides: Record<string, unknown> = {}) => {
    const body = newUserBody(overrides);
    const created = await account.admin.post(`/v1/accounts/${account.accountId}/users`, body);
    expect(created.status).toBe(201);
    return { ...body, userId: (created.body as { userId: string }).userId } as Record<string, string>;
  };

  describe('pages opened from emailed links', () => {
    it(
      'sets a first password for a user an admin created, in their language, who then logs in',
      async () => {
        const user = await createUser({ language: 'fr' });
        const message = await messageTo(stack(), user['email'], 'set-password');
        expect(message.language).toBe('fr');
        const page = await open(linkIn(message.text));
        expect(page.response.status()).toBe(200);
        expectSecureHeaders(page);
        expect(await page.page.getAttribute('html', 'lang')).toBe('fr');
        expect(await page.page.textContent('h1')).toBe('Choisir votre mot de passe');
        await screenshot(page.page, `${mode}-set-password`);
        const password = strongPassword();
        await page.page.fill('input[name=newPassword]', password);
        const answer = await submitForm(page.page);
        expect(answer.status()).toBe(200);
        expect(await page.page.textContent('.done')).toMatch(/Votre mot de passe est enregistré/);
        await screenshot(page.page, `${mode}-set-password-done`);
        expect((await login(stack(), user['username'], password)).status).toBe(201);
        expect(page.cspViolations).toEqual([]);
      },
      PAGE_TIMEOUT_MS,
    );

    it(
      'resets a password from the link the unlock emails, and shows a used link the uniform refusal',
      async () => {
        const user = await createUser({ language: 'ar' });
        await lockOut(stack(), user['username']);
        const unlock = `/v1/accounts/${account.accountId}/users/${user['userId']}/unlock`;
        expect((await account.admin.post(unlock, {})).status).toBe(204);
        const link = linkIn((await messageTo(stack(), user['email'], 'password-reset')).text);
        const page = await open(link);
        expectSecureHeaders(page);
        expect(await page.page.getAttribute('html', 'dir')).toBe('rtl');
        await screenshot(page.page, `${mode}-reset-password`);
        await page.page.fill('input[name=newPassword]', 'short');
        expect((await submitForm(page.page)).status()).toBe(422);
        expect(await page.page.getAttribute('input[name=newPassword]', 'aria-invalid')).toBe('true');
        await screenshot(page.page, `${mode}-reset-password-refused`);
        const password = strongPassword();
        await page.page.fill('input[name=newPassword]', password);
        expect((await submitForm(page.page)).status()).toBe(200);
        expect((await login(stack(), user['username'], password)).status).toBe(201);

        const spent = await open(link);
        expect(spent.response.status()).toBe(422);
        const refusal = await spent.page.textContent('.error');
        const forged = await open(link.replace(/token=[^&]+/, `token=${user['userId']}.${'A'.repeat(43)}`));
        expect(await forged.page.textContent('.error')).toBe(refusal);
        expect(await spent.page.getAttribute('html', 'lang')).toBe('ar');
        await screenshot(spent.page, `${mode}-link-refused`);
        expect([...page.cspViolations, ...spent.cspViolations, ...forged.cspViolations]).toEqual([]);
      },
      PAGE_TIMEOUT_MS,
    );

    it(
      'accepts an invite with names, username and password, and the invitee logs in',
      async () => {
        const email = String(newUserBody()['email']);
        const invitePath = `/v1/accounts/${account.accountId}/invites`;
        const invite = {
          email,
          firstName: 'Ida',
          language: 'de',
          timeZone: 'Europe/Berlin',
          roles: ['developer'],
        };
        expect((await account.admin.post(invitePath, invite)).status).toBe(201);
        const page = await open(linkIn((await messageTo(stack(), email, 'invite')).text));
        expect(page.response.status()).toBe(200);
        expectSecureHeaders(page);
        expect(await page.page.textContent('h1')).toBe('Einladung annehmen');
        expect(await page.page.inputValue('input[name=firstName]')).toBe('Ida');
        await screenshot(page.page, `${mode}-accept-invite`);
        const username = String(newUserBody()['username']);
        const password = strongPassword();
        await page.page.fill('input[name=lastName]', 'Rhodes');
        await page.page.fill('input[name=username]', username);
        await page.page.fill('input[name=password]', password);
        expect((await submitForm(page.page)).status()).toBe(200);
        expect(await page.page.textContent('.done')).toMatch(/Willkommen bei Gatehouse/);
        await screenshot(page.page, `${mode}-accept-invite-done`);
        expect((await login(stack(), username, password)).status).toBe(201);
        expect(page.cspViolations).toEqual([]);
      },
      PAGE_TIMEOUT_MS,
    );

    it(
      'refuses a post without the CSRF token, setting nothing',
      async () => {
        const user = await createUser();
        const link = new URL(linkIn((await messageTo(stack(), user['email'], 'set-password')).text));
        const token = String(link.searchParams.get('token'));
        const password = strongPassword();
        const post = (headers: Record<string, string>, fields: Record<string, string>) =>
          fetch(`${stack().users.baseUrl}/set-password`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
            body: new URLSearchParams({ token, newPassword: password, ...fields }),
          });
        const cookie = `gatehouse_csrf=${'c'.repeat(43)}`;
        for (const refused of [
          await post({}, {}),
          await post({}, { csrf: 'c'.repeat(43) }),
          await post({ cookie }, {}),
          await post({ cookie }, { csrf: 'd'.repeat(43) }),
        ]) {
          expect(refused.status).toBe(403);
          expect(await refused.text()).toContain('This form has expired');
        }
        expect((await login(stack(), user['username'], password)).status).toBe(401);
        const accepted = await post({ cookie }, { csrf: 'c'.repeat(43) });
        expect(accepted.status).toBe(200);
        await accepted.arrayBuffer();
        expect((await login(stack(), user['username'], password)).status).toBe(201);
      },
      PAGE_TIMEOUT_MS,
    );
  });
}
