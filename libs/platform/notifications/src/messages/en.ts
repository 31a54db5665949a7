import { paragraphs } from './paragraphs';

/**
 * English: the source every language translates (its keys and placeholders are the reference), and the
 * fallback for any key a language lacks. ICU MessageFormat; `default.*` is what a message says where a
 * value about the person is missing (a user stored before names were required).
 */
export const en = {
  'default.firstName': 'there',
  'default.newEmail': 'a new address',

  'account-locked.subject': 'Your Gatehouse account is locked',
  'account-locked.text': paragraphs(
    'Hello {firstName},',
    'Your Gatehouse account was locked after too many failed sign-in attempts. Until it is unlocked, nobody can sign in to it, not even with the right password.',
    'An administrator of your account can unlock it. You will then receive an email with a link to set a new password.',
    'If these attempts were not yours, please tell your account administrator.',
  ),
  'password-reset.subject': 'Set a new Gatehouse password',
  'password-reset.text': paragraphs(
    'Hello {firstName},',
    'To set a new password for your Gatehouse account, open this link:',
    '{resetUrl}',
    'The link works once and expires in {expiresInMinutes, plural, one {# minute} other {# minutes}}. If you did not expect this email, you can ignore it.',
  ),
  'set-password.subject': 'Choose your Gatehouse password',
  'set-password.text': paragraphs(
    'Hello {firstName},',
    'An administrator has created a Gatehouse account for you. To choose your password, open this link:',
    '{resetUrl}',
    'The link works once and expires in {expiresInDays, plural, one {# day} other {# days}}. If you did not expect this email, you can ignore it.',
  ),
  'email-changed-old-address.subject': 'The email address of your Gatehouse account was changed',
  'email-changed-old-address.text': paragraphs(
    'Hello {firstName},',
    'The email address of your Gatehouse account was changed to {newEmail}. Messages about your account now go to that address.',
    'If you did not make this change, contact your account administrator at once.',
  ),
  'email-changed-new-address.subject': 'This is now your Gatehouse email address',
  'email-changed-new-address.text': paragraphs(
    'Hello {firstName},',
    'This address is now the email address of your Gatehouse account. Messages about your account will come here.',
    'If you do not know about this change, contact your account administrator.',
  ),
  'password-changed.subject': 'Your Gatehouse password was changed',
  'password-changed.text': paragraphs(
    'Hello {firstName},',
    'The password of your Gatehouse account was changed.',
    'If you did not change it, contact your account administrator at once.',
  ),
  'invite.subject': 'You are invited to Gatehouse',
  'invite.text': paragraphs(
    'Hello,',
    'You are invited to join a Gatehouse account. To accept, open this link and choose your username and password:',
    '{acceptUrl}',
    'The link works once and expires in {expiresInHours, plural, one {# hour} other {# hours}}. If you did not expect this invitation, you can ignore it.',
  ),

  'page.reset-password.title': 'Set a new password',
  'page.reset-password.intro': 'Choose a new password for your Gatehouse account.',
  'page.set-password.title': 'Choose your password',
  'page.set-password.intro': 'Choose the password you will use to sign in to Gatehouse.',
  'page.accept-invite.title': 'Accept your invitation',
  'page.accept-invite.intro': 'Complete your profile to join the Gatehouse account you were invited to.',
  'page.field.firstName': 'First name',
  'page.field.lastName': 'Last name',
  'page.field.username': 'Username',
  'page.field.username.hint': '3 to 64 letters, digits, dots, dashes or underscores.',
  'page.field.password': 'Password',
  'page.field.password.hint': 'It must follow the password policy of your account.',
  'page.submit.password': 'Save password',
  'page.submit.accept': 'Accept invitation',
  'page.done.title': 'All set',
  'page.done.password': 'Your password is saved. You can now sign in with it.',
  'page.done.accept': 'Welcome to Gatehouse! Your account is ready: sign in with your username and password.',
  'page.error.link':
    'This link cannot be used: it is incomplete, was already used or has expired. Ask your account administrator for a new one.',
  'page.error.form-expired': 'This form has expired. Please send it again.',
  'page.error.field': 'Please check the field “{field}”.',
  'page.error.password-policy': 'This password does not follow the password policy of your account.',
  'page.error.username-taken': 'This username is already taken. Please choose another one.',
  'page.error.unavailable': 'Something went wrong on our side. Please try again in a moment.',
} as const;

export type MessageKey = keyof typeof en;

/** One language's messages; a language may lack a key, which then reads in English. */
export type Catalog = Readonly<Record<MessageKey, string>>;
