import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Slovenian, formal address (vikanje). */
export const sl: Catalog = {
  'default.firstName': 'uporabnik',
  'default.newEmail': 'nov naslov',

  'account-locked.subject': 'Vaš račun Gatehouse je zaklenjen',
  'account-locked.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'Vaš račun Gatehouse je bil zaklenjen po preveč neuspešnih poskusih prijave. Dokler ga ne odklenejo, se vanj ne more prijaviti nihče, niti s pravilnim geslom.',
    'Skrbnik vašega računa ga lahko odklene. Nato boste prejeli e-poštno sporočilo s povezavo za nastavitev novega gesla.',
    'Če teh poskusov niste opravili vi, o tem obvestite skrbnika svojega računa.',
  ),
  'password-reset.subject': 'Nastavite novo geslo za Gatehouse',
  'password-reset.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'Če želite nastaviti novo geslo za svoj račun Gatehouse, odprite to povezavo:',
    '{resetUrl}',
    'Povezava deluje samo enkrat in poteče čez {expiresInMinutes, plural, one {# minuto} two {# minuti} few {# minute} other {# minut}}. Če tega sporočila niste pričakovali, ga lahko prezrete.',
  ),
  'set-password.subject': 'Izberite svoje geslo za Gatehouse',
  'set-password.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'Skrbnik je za vas ustvaril račun Gatehouse. Če želite izbrati svoje geslo, odprite to povezavo:',
    '{resetUrl}',
    'Povezava deluje samo enkrat in poteče čez {expiresInDays, plural, one {# dan} two {# dneva} few {# dni} other {# dni}}. Če tega sporočila niste pričakovali, ga lahko prezrete.',
  ),
  'email-changed-old-address.subject': 'E-poštni naslov vašega računa Gatehouse je bil spremenjen',
  'email-changed-old-address.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'E-poštni naslov vašega računa Gatehouse je bil spremenjen v {newEmail}. Sporočila o vašem računu bodo odslej prihajala na ta naslov.',
    'Če te spremembe niste naredili vi, se takoj obrnite na skrbnika svojega računa.',
  ),
  'email-changed-new-address.subject': 'To je zdaj vaš e-poštni naslov za Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'Ta naslov je zdaj e-poštni naslov vašega računa Gatehouse. Sporočila o vašem računu bodo prihajala sem.',
    'Če za to spremembo ne veste, se obrnite na skrbnika svojega računa.',
  ),
  'password-changed.subject': 'Vaše geslo za Gatehouse je bilo spremenjeno',
  'password-changed.text': paragraphs(
    'Pozdravljeni, {firstName},',
    'Geslo vašega računa Gatehouse je bilo spremenjeno.',
    'Če ga niste spremenili vi, se takoj obrnite na skrbnika svojega računa.',
  ),
  'invite.subject': 'Vabilo v Gatehouse',
  'invite.text': paragraphs(
    'Pozdravljeni,',
    'Povabljeni ste v račun Gatehouse. Če želite vabilo sprejeti, odprite to povezavo ter izberite uporabniško ime in geslo:',
    '{acceptUrl}',
    'Povezava deluje samo enkrat in poteče čez {expiresInHours, plural, one {# uro} two {# uri} few {# ure} other {# ur}}. Če tega vabila niste pričakovali, ga lahko prezrete.',
  ),

  'page.reset-password.title': 'Nastavitev novega gesla',
  'page.reset-password.intro': 'Izberite novo geslo za svoj račun Gatehouse.',
  'page.set-password.title': 'Izbira gesla',
  'page.set-password.intro': 'Izberite geslo, s katerim se boste prijavljali v Gatehouse.',
  'page.accept-invite.title': 'Sprejem vabila',
  'page.accept-invite.intro':
    'Dopolnite svoj profil, da se pridružite računu Gatehouse, v katerega ste povabljeni.',
  'page.field.firstName': 'Ime',
  'page.field.lastName': 'Priimek',
  'page.field.username': 'Uporabniško ime',
  'page.field.username.hint': 'Od 3 do 64 latiničnih črk, števk, pik, vezajev ali podčrtajev.',
  'page.field.password': 'Geslo',
  'page.field.password.hint': 'Upoštevati mora pravilnik o geslih vašega računa.',
  'page.submit.password': 'Shrani geslo',
  'page.submit.accept': 'Sprejmi vabilo',
  'page.done.title': 'Končano',
  'page.done.password': 'Vaše geslo je shranjeno. Zdaj se lahko prijavite z njim.',
  'page.done.accept':
    'Dobrodošli v Gatehouse! Vaš račun je pripravljen: prijavite se s svojim uporabniškim imenom in geslom.',
  'page.error.link':
    'Te povezave ni mogoče uporabiti: je nepopolna, je že bila uporabljena ali je potekla. Za novo prosite skrbnika svojega računa.',
  'page.error.form-expired': 'Ta obrazec je potekel. Pošljite ga znova.',
  'page.error.field': 'Preverite polje »{field}«.',
  'page.error.password-policy': 'To geslo ne upošteva pravilnika o geslih vašega računa.',
  'page.error.username-taken': 'To uporabniško ime je že zasedeno. Izberite drugo.',
  'page.error.unavailable': 'Pri nas je prišlo do napake. Poskusite znova čez trenutek.',
};
