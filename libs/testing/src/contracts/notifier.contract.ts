import {
  catalogs,
  MissingTemplateParam,
  renderEmail,
  templateNames,
  templateParams,
  type EmailMessage,
  type Notifier,
  type TemplateName,
} from '@gatehouse/notifications';

/** A message as its recipient got it, read back from wherever the adapter delivered it. */
export interface DeliveredEmail {
  readonly to: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly correlationId: string;
}

export interface NotifierUnderTest {
  readonly notifier: Notifier;
  /** Everything delivered so far, oldest first. */
  delivered(): Promise<DeliveredEmail[]>;
  cleanup(): Promise<void>;
}

/** Non-ASCII, quotes and a long unbroken value: what breaks a careless encoder. */
const paramsFor = (template: TemplateName): Record<string, string> =>
  Object.fromEntries(
    templateParams(template).map((name) => [
      name,
      name === 'resetUrl'
        ? `https://gatehouse.test/reset?token=${'t0k3n'.repeat(20)}`
        : name.startsWith('expiresIn')
          ? '60'
          : `Zoë «${name}» ✓`,
    ]),
  );

const message = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  to: 'zoe@example.com',
  language: 'de',
  template: 'password-reset',
  params: paramsFor('password-reset'),
  correlationId: 'corr-contract',
  ...overrides,
});

const asDelivered = (sent: EmailMessage): DeliveredEmail => {
  const { language, subject, text } = renderEmail(sent);
  return { to: sent.to, language, subject, text, correlationId: sent.correlationId };
};

/** One behaviour for every Notifier adapter. */
export function notifierContract(name: string, factory: () => Promise<NotifierUnderTest>): void {
  describe(`Notifier contract: ${name}`, () => {
    let under: NotifierUnderTest;
    beforeEach(async () => {
      under = await factory();
    });
    afterEach(() => under.cleanup());

    it('delivers a message to its recipient with the rendered subject and body', async () => {
      await under.notifier.send(message());
      const [delivered, ...others] = await under.delivered();
      expect(others).toEqual([]);
      expect(delivered).toEqual(asDelivered(message()));
      expect(delivered.subject).toBe('Neues Gatehouse-Passwort festlegen');
      expect(delivered.text).toContain(message().params['resetUrl']);
    });

    it('delivers every template in every language intact, each to its own recipient', async () => {
      const sent = Object.keys(catalogs).flatMap((language) =>
        templateNames.map((template) =>
          message({
            to: `${template}.${language}@example.com`,
            language,
            template,
            params: paramsFor(template),
            correlationId: `corr-${template}-${language}`,
          }),
        ),
      );
      for (const each of sent) await under.notifier.send(each);
      expect(await under.delivered()).toEqual(sent.map(asDelivered));
    });

    it('falls back to English for a language Gatehouse does not support, and says so', async () => {
      await under.notifier.send(message({ language: 'xx' }));
      expect(await under.delivered()).toEqual([
        expect.objectContaining({ language: 'en', subject: 'Set a new Gatehouse password' }),
      ]);
    });

    it('rejects a message missing a parameter and delivers nothing for it', async () => {
      const params: Record<string, string> = { ...message().params };
      delete params['resetUrl'];
      await expect(under.notifier.send(message({ params, correlationId: 'corr-bad' }))).rejects.toThrow(
        MissingTemplateParam,
      );
      await under.notifier.send(message({ correlationId: 'corr-good' }));
      expect((await under.delivered()).map((each) => each.correlationId)).toEqual(['corr-good']);
    });
  });
}
