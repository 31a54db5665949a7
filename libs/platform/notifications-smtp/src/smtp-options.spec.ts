import { readSmtpOptions } from './smtp-options';

const base = {
  GATEHOUSE_SMTP_HOST: 'smtp.example.com',
  GATEHOUSE_SMTP_FROM: 'Gatehouse <no-reply@example.com>',
};

describe('readSmtpOptions', () => {
  it('defaults to port 587 without implicit TLS and without credentials', () => {
    expect(readSmtpOptions(base)).toEqual({
      host: 'smtp.example.com',
      port: 587,
      secure: false,
      from: 'Gatehouse <no-reply@example.com>',
    });
  });

  it('reads port, TLS and credentials', () => {
    const env = {
      ...base,
      GATEHOUSE_SMTP_PORT: '465',
      GATEHOUSE_SMTP_SECURE: 'true',
      GATEHOUSE_SMTP_USER: 'mailer',
      GATEHOUSE_SMTP_PASS: 'pw',
    };
    expect(readSmtpOptions(env)).toEqual({
      ...readSmtpOptions(base),
      port: 465,
      secure: true,
      user: 'mailer',
      pass: 'pw',
    });
  });

  it.each([
    ['a missing host', { GATEHOUSE_SMTP_FROM: 'a@example.com' }, 'GATEHOUSE_SMTP_HOST must be set'],
    ['a missing sender', { GATEHOUSE_SMTP_HOST: 'smtp.example.com' }, 'GATEHOUSE_SMTP_FROM must be set'],
    [
      'a port that is not a number',
      { ...base, GATEHOUSE_SMTP_PORT: '25x' },
      'GATEHOUSE_SMTP_PORT must be a port number',
    ],
    [
      'a port out of range',
      { ...base, GATEHOUSE_SMTP_PORT: '70000' },
      'GATEHOUSE_SMTP_PORT must be a port number',
    ],
    [
      'TLS neither true nor false',
      { ...base, GATEHOUSE_SMTP_SECURE: 'yes' },
      'GATEHOUSE_SMTP_SECURE must be true or false',
    ],
    ['a user without a password', { ...base, GATEHOUSE_SMTP_USER: 'mailer' }, 'set together or not at all'],
    ['a password without a user', { ...base, GATEHOUSE_SMTP_PASS: 'pw' }, 'set together or not at all'],
  ])('refuses %s', (_case, env, message) => {
    expect(() => readSmtpOptions(env)).toThrow(message);
  });
});
