import { paragraphs, type TemplateSet } from './email-template';

/** German, formal address (Sie). */
export const de: TemplateSet = {
  'account-locked': {
    subject: 'Ihr Gatehouse-Konto ist gesperrt',
    text: paragraphs(
      'Hallo {{firstName}},',
      'Ihr Gatehouse-Konto wurde nach zu vielen fehlgeschlagenen Anmeldeversuchen gesperrt. Bis es entsperrt ist, kann sich niemand anmelden, auch nicht mit dem richtigen Passwort.',
      'Ihre Kontoadministration kann es entsperren. Danach erhalten Sie eine E-Mail mit einem Link, über den Sie ein neues Passwort festlegen.',
      'Falls diese Versuche nicht von Ihnen stammen, informieren Sie bitte Ihre Kontoadministration.',
    ),
  },
  'password-reset': {
    subject: 'Neues Gatehouse-Passwort festlegen',
    text: paragraphs(
      'Hallo {{firstName}},',
      'um ein neues Passwort für Ihr Gatehouse-Konto festzulegen, öffnen Sie diesen Link:',
      '{{resetUrl}}',
      'Der Link funktioniert nur einmal und läuft in {{expiresInMinutes}} Minuten ab. Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
    ),
  },
  'email-changed-old-address': {
    subject: 'Die E-Mail-Adresse Ihres Gatehouse-Kontos wurde geändert',
    text: paragraphs(
      'Hallo {{firstName}},',
      'die E-Mail-Adresse Ihres Gatehouse-Kontos wurde in {{newEmail}} geändert. Nachrichten zu Ihrem Konto gehen ab jetzt an diese Adresse.',
      'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich sofort an Ihre Kontoadministration.',
    ),
  },
  'email-changed-new-address': {
    subject: 'Dies ist jetzt Ihre Gatehouse-E-Mail-Adresse',
    text: paragraphs(
      'Hallo {{firstName}},',
      'diese Adresse ist jetzt die E-Mail-Adresse Ihres Gatehouse-Kontos. Nachrichten zu Ihrem Konto kommen ab jetzt hierher.',
      'Falls Ihnen diese Änderung unbekannt ist, wenden Sie sich an Ihre Kontoadministration.',
    ),
  },
  'password-changed': {
    subject: 'Ihr Gatehouse-Passwort wurde geändert',
    text: paragraphs(
      'Hallo {{firstName}},',
      'das Passwort Ihres Gatehouse-Kontos wurde geändert.',
      'Falls Sie es nicht selbst geändert haben, wenden Sie sich sofort an Ihre Kontoadministration.',
    ),
  },
  invite: {
    subject: 'Einladung zu Gatehouse',
    text: paragraphs(
      'Hallo,',
      'Sie wurden zu einem Gatehouse-Konto eingeladen. Um die Einladung anzunehmen, öffnen Sie diesen Link und wählen Sie Benutzernamen und Passwort:',
      '{{acceptUrl}}',
      'Der Link funktioniert einmal und läuft in {{expiresInHours}} Stunden ab. Wenn Sie diese Einladung nicht erwartet haben, können Sie sie ignorieren.',
    ),
  },
};
