import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** German, formal address (Sie). */
export const de: Catalog = {
  'default.firstName': 'zusammen',
  'default.newEmail': 'eine neue Adresse',

  'account-locked.subject': 'Ihr Gatehouse-Konto ist gesperrt',
  'account-locked.text': paragraphs(
    'Hallo {firstName},',
    'Ihr Gatehouse-Konto wurde nach zu vielen fehlgeschlagenen Anmeldeversuchen gesperrt. Bis es entsperrt ist, kann sich niemand anmelden, auch nicht mit dem richtigen Passwort.',
    'Ihre Kontoadministration kann es entsperren. Danach erhalten Sie eine E-Mail mit einem Link, über den Sie ein neues Passwort festlegen.',
    'Falls diese Versuche nicht von Ihnen stammen, informieren Sie bitte Ihre Kontoadministration.',
  ),
  'password-reset.subject': 'Neues Gatehouse-Passwort festlegen',
  'password-reset.text': paragraphs(
    'Hallo {firstName},',
    'um ein neues Passwort für Ihr Gatehouse-Konto festzulegen, öffnen Sie diesen Link:',
    '{resetUrl}',
    'Der Link funktioniert nur einmal und läuft in {expiresInMinutes, plural, one {# Minute} other {# Minuten}} ab. Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
  ),
  'set-password.subject': 'Wählen Sie Ihr Gatehouse-Passwort',
  'set-password.text': paragraphs(
    'Hallo {firstName},',
    'Ihre Kontoadministration hat ein Gatehouse-Konto für Sie angelegt. Um Ihr Passwort zu wählen, öffnen Sie diesen Link:',
    '{resetUrl}',
    'Der Link funktioniert nur einmal und läuft in {expiresInDays, plural, one {# Tag} other {# Tagen}} ab. Falls Sie diese E-Mail nicht erwartet haben, können Sie sie ignorieren.',
  ),
  'email-changed-old-address.subject': 'Die E-Mail-Adresse Ihres Gatehouse-Kontos wurde geändert',
  'email-changed-old-address.text': paragraphs(
    'Hallo {firstName},',
    'die E-Mail-Adresse Ihres Gatehouse-Kontos wurde in {newEmail} geändert. Nachrichten zu Ihrem Konto gehen ab jetzt an diese Adresse.',
    'Falls Sie diese Änderung nicht vorgenommen haben, wenden Sie sich sofort an Ihre Kontoadministration.',
  ),
  'email-changed-new-address.subject': 'Dies ist jetzt Ihre Gatehouse-E-Mail-Adresse',
  'email-changed-new-address.text': paragraphs(
    'Hallo {firstName},',
    'diese Adresse ist jetzt die E-Mail-Adresse Ihres Gatehouse-Kontos. Nachrichten zu Ihrem Konto kommen ab jetzt hierher.',
    'Falls Ihnen diese Änderung unbekannt ist, wenden Sie sich an Ihre Kontoadministration.',
  ),
  'password-changed.subject': 'Ihr Gatehouse-Passwort wurde geändert',
  'password-changed.text': paragraphs(
    'Hallo {firstName},',
    'das Passwort Ihres Gatehouse-Kontos wurde geändert.',
    'Falls Sie es nicht selbst geändert haben, wenden Sie sich sofort an Ihre Kontoadministration.',
  ),
  'invite.subject': 'Einladung zu Gatehouse',
  'invite.text': paragraphs(
    'Hallo,',
    'Sie wurden zu einem Gatehouse-Konto eingeladen. Um die Einladung anzunehmen, öffnen Sie diesen Link und wählen Sie Benutzernamen und Passwort:',
    '{acceptUrl}',
    'Der Link funktioniert nur einmal und läuft in {expiresInHours, plural, one {# Stunde} other {# Stunden}} ab. Wenn Sie diese Einladung nicht erwartet haben, können Sie sie ignorieren.',
  ),

  'page.reset-password.title': 'Neues Passwort festlegen',
  'page.reset-password.intro': 'Wählen Sie ein neues Passwort für Ihr Gatehouse-Konto.',
  'page.set-password.title': 'Passwort wählen',
  'page.set-password.intro': 'Wählen Sie das Passwort, mit dem Sie sich bei Gatehouse anmelden.',
  'page.accept-invite.title': 'Einladung annehmen',
  'page.accept-invite.intro':
    'Vervollständigen Sie Ihr Profil, um dem Gatehouse-Konto beizutreten, zu dem Sie eingeladen wurden.',
  'page.field.firstName': 'Vorname',
  'page.field.lastName': 'Nachname',
  'page.field.username': 'Benutzername',
  'page.field.username.hint': '3 bis 64 Buchstaben, Ziffern, Punkte, Bindestriche oder Unterstriche.',
  'page.field.password': 'Passwort',
  'page.field.password.hint': 'Es muss der Passwortrichtlinie Ihres Kontos entsprechen.',
  'page.submit.password': 'Passwort speichern',
  'page.submit.accept': 'Einladung annehmen',
  'page.done.title': 'Fertig',
  'page.done.password': 'Ihr Passwort ist gespeichert. Sie können sich jetzt damit anmelden.',
  'page.done.accept':
    'Willkommen bei Gatehouse! Ihr Konto ist bereit: Melden Sie sich mit Ihrem Benutzernamen und Passwort an.',
  'page.error.link':
    'Dieser Link kann nicht verwendet werden: Er ist unvollständig, wurde bereits benutzt oder ist abgelaufen. Bitten Sie Ihre Kontoadministration um einen neuen.',
  'page.error.form-expired': 'Dieses Formular ist abgelaufen. Bitte senden Sie es erneut.',
  'page.error.field': 'Bitte prüfen Sie das Feld „{field}“.',
  'page.error.password-policy': 'Dieses Passwort entspricht nicht der Passwortrichtlinie Ihres Kontos.',
  'page.error.username-taken': 'Dieser Benutzername ist bereits vergeben. Bitte wählen Sie einen anderen.',
  'page.error.unavailable': 'Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es gleich noch einmal.',
};
