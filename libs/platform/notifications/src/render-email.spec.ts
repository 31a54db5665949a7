import fc from 'fast-check';
import { type EmailMessage, templateNames } from './notifier.port';
import { MessageNotBuilt, MissingTemplateParam, renderEmail } from './render-email';
import { catalogs } from './messages/catalogs';

const reset = (overrides: Partial<EmailMessage> = {}): EmailMessage => ({
  to: 'zoe@example.com',
  language: 'de',
  template: 'password-reset',
  params: { firstName: 'Zoë', resetUrl: 'https://gatehouse.test/reset#t', expiresInMinutes: '60' },
  correlationId: 'corr-1',
  ...overrides,
});

describe('renderEmail', () => {
  it('renders the template in the recipient language with every parameter filled', () => {
    expect(renderEmail(reset())).toEqual({
      language: 'de',
      subject: 'Neues Gatehouse-Passwort festlegen',
      text: [
        'Hallo Zoë,',
        'um ein neues Passwort für Ihr Gatehouse-Konto festzulegen, öffnen Sie diesen Link:',
        'https://gatehouse.test/reset#t',
        'Der Link funktioniert nur einmal und läuft in 60 Minuten ab. Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
      ].join('\n\n'),
    });
  });

  it.each([
    ['fr', 'Définissez un nouveau mot de passe Gatehouse'],
    ['es-419', 'Establezca una nueva contraseña de Gatehouse'],
    ['en', 'Set a new Gatehouse password'],
  ])('renders %s in that language', (language, subject) => {
    expect(renderEmail(reset({ language }))).toMatchObject({ language, subject });
  });

  it.each([
    ['sv', 'Ange ett nytt lösenord för Gatehouse'],
    ['ja', 'Gatehouse の新しいパスワードを設定してください'],
    ['uk', 'Установіть новий пароль Gatehouse'],
  ])('renders %s, one of the 19 languages, in that language', (language, subject) => {
    expect(renderEmail(reset({ language }))).toMatchObject({ language, subject });
  });

  it.each(['xx-unknown', 'de-AT', 'EN'])('falls back to English for %s, and says so', (language) => {
    expect(renderEmail(reset({ language }))).toEqual(renderEmail(reset({ language: 'en' })));
    expect(renderEmail(reset({ language })).language).toBe('en');
  });

  it('ignores parameters the template does not use', () => {
    const params = { ...reset().params, unused: 'x' };
    expect(renderEmail(reset({ params }))).toEqual(renderEmail(reset()));
  });

  it('inserts values literally, never reading them as placeholders or replacement patterns', () => {
    const params = { ...reset().params, firstName: "{resetUrl} {{x}} '{' $& $1 $'" };
    expect(renderEmail(reset({ params })).text).toMatch(/^Hallo \{resetUrl\} \{\{x\}\} '\{' \$& \$1 \$',\n/);
  });

  it('refuses a message missing a parameter, naming template and parameter', () => {
    const params: Record<string, string> = { ...reset().params };
    delete params['resetUrl'];
    const render = () => renderEmail(reset({ params }));
    expect(render).toThrow(MissingTemplateParam);
    expect(render).toThrow(
      expect.objectContaining({
        code: 'NOTIFICATION_PARAM_MISSING',
        template: 'password-reset',
        param: 'resetUrl',
      }),
    );
  });

  it('refuses a parameter present but not a string (an undefined field from a caller)', () => {
    const params = { ...reset().params, resetUrl: undefined } as unknown as EmailMessage['params'];
    expect(() => renderEmail(reset({ params }))).toThrow(MissingTemplateParam);
  });

  it('refuses a missing parameter even when falling back to English', () => {
    expect(() => renderEmail(reset({ language: 'xx', params: {} }))).toThrow(MissingTemplateParam);
  });
});

describe('renderEmail with data missing about the person', () => {
  it.each([
    ['en', 'Hello there,'],
    ['de', 'Hallo zusammen,'],
    ['fr', 'Bonjour à vous,'],
    ['es-419', 'Hola, usuario de Gatehouse:'],
  ])('greets in %s without a first name', (language, greeting) => {
    const params = { ...reset().params, firstName: null as unknown as string };
    expect(renderEmail(reset({ language, params })).text.split('\n')[0]).toBe(greeting);
  });

  it('treats a blank value as missing', () => {
    const params = { ...reset().params, firstName: '  ' };
    expect(renderEmail(reset({ language: 'en', params })).text).toMatch(/^Hello there,/);
  });

  it('takes the defaults of the language used when the recipient has none', () => {
    const params = { ...reset().params, firstName: '' };
    expect(renderEmail(reset({ language: null as unknown as string, params }))).toMatchObject({
      language: 'en',
      text: expect.stringMatching(/^Hello there,/),
    });
  });

  it('refuses a message without a recipient as not built', () => {
    expect(() => renderEmail(reset({ to: null as unknown as string }))).toThrow(
      expect.objectContaining({ code: 'NOTIFICATION_NO_RECIPIENT' }),
    );
  });

  it('renders every template in every language, whatever the person data holds', () => {
    const personValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(
        fc.constantFrom(...templateNames),
        fc.oneof(fc.constantFrom(...Object.keys(catalogs)), fc.string()),
        personValue,
        personValue,
        (template, language, firstName, newEmail) => {
          // Every value Gatehouse makes itself, for whichever template; only the person's data varies.
          const made = {
            resetUrl: 'https://x/r#t',
            expiresInMinutes: '60',
            acceptUrl: 'https://x/a#t',
            expiresInHours: '168',
            expiresInDays: '7',
          };
          const params = { ...made, firstName, newEmail };
          const rendered = renderEmail(
            reset({ template, language, params: params as Record<string, string> }),
          );
          expect(rendered.text).toMatch(/^\S/);
        },
      ),
      { seed: 11, numRuns: 500 },
    );
  });

  it('still refuses a missing value Gatehouse makes itself, as a message not built', () => {
    const params: Record<string, string> = { ...reset().params };
    delete params['expiresInMinutes'];
    expect(() => renderEmail(reset({ params }))).toThrow(MessageNotBuilt);
  });
});
