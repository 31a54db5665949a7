import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Bosnian (Latin script), formal address (Vi). */
export const bs: Catalog = {
  'default.firstName': 'korisniče',
  'default.newEmail': 'novu adresu',

  'account-locked.subject': 'Vaš Gatehouse račun je zaključan',
  'account-locked.text': paragraphs(
    'Zdravo, {firstName},',
    'Vaš Gatehouse račun je zaključan nakon previše neuspjelih pokušaja prijave. Dok se ne otključa, niko se ne može prijaviti na njega, čak ni s ispravnom lozinkom.',
    'Administrator Vašeg računa ga može otključati. Nakon toga ćete dobiti e-mail s linkom za postavljanje nove lozinke.',
    'Ako ove pokušaje niste napravili Vi, obavijestite administratora Vašeg računa.',
  ),
  'password-reset.subject': 'Postavite novu lozinku za Gatehouse',
  'password-reset.text': paragraphs(
    'Zdravo, {firstName},',
    'Da biste postavili novu lozinku za svoj Gatehouse račun, otvorite ovaj link:',
    '{resetUrl}',
    'Link radi samo jednom i ističe za {expiresInMinutes, plural, one {# minutu} few {# minute} other {# minuta}}. Ako niste očekivali ovaj e-mail, možete ga zanemariti.',
  ),
  'set-password.subject': 'Odaberite svoju lozinku za Gatehouse',
  'set-password.text': paragraphs(
    'Zdravo, {firstName},',
    'Administrator Vam je otvorio Gatehouse račun. Da biste odabrali svoju lozinku, otvorite ovaj link:',
    '{resetUrl}',
    'Link radi samo jednom i ističe za {expiresInDays, plural, one {# dan} few {# dana} other {# dana}}. Ako niste očekivali ovaj e-mail, možete ga zanemariti.',
  ),
  'email-changed-old-address.subject': 'E-mail adresa Vašeg Gatehouse računa je promijenjena',
  'email-changed-old-address.text': paragraphs(
    'Zdravo, {firstName},',
    'E-mail adresa Vašeg Gatehouse računa promijenjena je u {newEmail}. Poruke o Vašem računu od sada idu na tu adresu.',
    'Ako ovu promjenu niste napravili Vi, odmah se obratite administratoru Vašeg računa.',
  ),
  'email-changed-new-address.subject': 'Ovo je sada Vaša Gatehouse e-mail adresa',
  'email-changed-new-address.text': paragraphs(
    'Zdravo, {firstName},',
    'Ova adresa je sada e-mail adresa Vašeg Gatehouse računa. Poruke o Vašem računu stizat će ovdje.',
    'Ako ne znate za ovu promjenu, obratite se administratoru Vašeg računa.',
  ),
  'password-changed.subject': 'Vaša Gatehouse lozinka je promijenjena',
  'password-changed.text': paragraphs(
    'Zdravo, {firstName},',
    'Lozinka Vašeg Gatehouse računa je promijenjena.',
    'Ako je niste promijenili Vi, odmah se obratite administratoru Vašeg računa.',
  ),
  'invite.subject': 'Pozvani ste u Gatehouse',
  'invite.text': paragraphs(
    'Zdravo,',
    'Pozvani ste da se pridružite jednom Gatehouse računu. Da biste prihvatili poziv, otvorite ovaj link i odaberite korisničko ime i lozinku:',
    '{acceptUrl}',
    'Link radi samo jednom i ističe za {expiresInHours, plural, one {# sat} few {# sata} other {# sati}}. Ako niste očekivali ovaj poziv, možete ga zanemariti.',
  ),

  'page.reset-password.title': 'Postavite novu lozinku',
  'page.reset-password.intro': 'Odaberite novu lozinku za svoj Gatehouse račun.',
  'page.set-password.title': 'Odaberite lozinku',
  'page.set-password.intro': 'Odaberite lozinku s kojom ćete se prijavljivati na Gatehouse.',
  'page.accept-invite.title': 'Prihvatite poziv',
  'page.accept-invite.intro':
    'Dopunite svoj profil da biste se pridružili Gatehouse računu u koji ste pozvani.',
  'page.field.firstName': 'Ime',
  'page.field.lastName': 'Prezime',
  'page.field.username': 'Korisničko ime',
  'page.field.username.hint': 'Od 3 do 64 latinična slova, cifre, tačke, crtice ili donje crte.',
  'page.field.password': 'Lozinka',
  'page.field.password.hint': 'Mora poštovati pravila za lozinke Vašeg računa.',
  'page.submit.password': 'Sačuvaj lozinku',
  'page.submit.accept': 'Prihvati poziv',
  'page.done.title': 'Gotovo',
  'page.done.password': 'Vaša lozinka je sačuvana. Sada se možete prijaviti s njom.',
  'page.done.accept':
    'Dobro došli u Gatehouse! Vaš račun je spreman: prijavite se svojim korisničkim imenom i lozinkom.',
  'page.error.link':
    'Ovaj link se ne može koristiti: nepotpun je, već je iskorišten ili je istekao. Zatražite novi od administratora Vašeg računa.',
  'page.error.form-expired': 'Ovaj obrazac je istekao. Molimo pošaljite ga ponovo.',
  'page.error.field': 'Molimo provjerite polje „{field}”.',
  'page.error.password-policy': 'Ova lozinka ne poštuje pravila za lozinke Vašeg računa.',
  'page.error.username-taken': 'Ovo korisničko ime je već zauzeto. Molimo odaberite drugo.',
  'page.error.unavailable': 'Nešto je pošlo naopako kod nas. Molimo pokušajte ponovo za trenutak.',
};
