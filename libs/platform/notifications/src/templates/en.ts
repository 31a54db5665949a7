import { paragraphs, type TemplateSet } from './email-template';

/** English: the fallback for every language without its own set, so it defines each template's params. */
export const en: TemplateSet = {
  'account-locked': {
    subject: 'Your Gatehouse account is locked',
    text: paragraphs(
      'Hello {{firstName}},',
      'Your Gatehouse account was locked after too many failed sign-in attempts. Until it is unlocked, nobody can sign in to it, not even with the right password.',
      'An administrator of your account can unlock it. You will then receive an email with a link to set a new password.',
      'If these attempts were not yours, please tell your account administrator.',
    ),
  },
  'password-reset': {
    subject: 'Set a new Gatehouse password',
    text: paragraphs(
      'Hello {{firstName}},',
      'To set a new password for your Gatehouse account, open this link:',
      '{{resetUrl}}',
      'The link works once and expires in {{expiresInMinutes}} minutes. If you did not expect this email, you can ignore it.',
    ),
  },
  'email-changed-old-address': {
    subject: 'The email address of your Gatehouse account was changed',
    text: paragraphs(
      'Hello {{firstName}},',
      'The email address of your Gatehouse account was changed to {{newEmail}}. Messages about your account now go to that address.',
      'If you did not make this change, contact your account administrator at once.',
    ),
  },
  'email-changed-new-address': {
    subject: 'This is now your Gatehouse email address',
    text: paragraphs(
      'Hello {{firstName}},',
      'This address is now the email address of your Gatehouse account. Messages about your account will come here.',
      'If you do not know about this change, contact your account administrator.',
    ),
  },
  'password-changed': {
    subject: 'Your Gatehouse password was changed',
    text: paragraphs(
      'Hello {{firstName}},',
      'The password of your Gatehouse account was changed.',
      'If you did not change it, contact your account administrator at once.',
    ),
  },
  invite: {
    subject: 'You are invited to Gatehouse',
    text: paragraphs(
      'Hello,',
      'You are invited to join a Gatehouse account. To accept, open this link and choose your username and password:',
      '{{acceptUrl}}',
      'The link works once and expires in {{expiresInHours}} hours. If you did not expect this invitation, you can ignore it.',
    ),
  },
};
