import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Albanian, formal address (ju). */
export const sq: Catalog = {
  'default.firstName': 'përdorues i Gatehouse',
  'default.newEmail': 'një adresë të re',

  'account-locked.subject': 'Llogaria juaj Gatehouse është bllokuar',
  'account-locked.text': paragraphs(
    'Përshëndetje {firstName},',
    'Llogaria juaj Gatehouse u bllokua pas shumë përpjekjeve të dështuara për t’u identifikuar. Derisa të zhbllokohet, askush nuk mund të hyjë në të, as me fjalëkalimin e saktë.',
    'Një administrator i llogarisë suaj mund ta zhbllokojë. Më pas do të merrni një email me një lidhje për të caktuar një fjalëkalim të ri.',
    'Nëse këto përpjekje nuk ishin tuajat, ju lutemi njoftoni administratorin e llogarisë suaj.',
  ),
  'password-reset.subject': 'Caktoni një fjalëkalim të ri për Gatehouse',
  'password-reset.text': paragraphs(
    'Përshëndetje {firstName},',
    'Për të caktuar një fjalëkalim të ri për llogarinë tuaj Gatehouse, hapni këtë lidhje:',
    '{resetUrl}',
    'Lidhja funksionon vetëm një herë dhe skadon pas {expiresInMinutes, plural, one {# minute} other {# minutash}}. Nëse nuk e prisnit këtë email, mund ta shpërfillni.',
  ),
  'set-password.subject': 'Zgjidhni fjalëkalimin tuaj për Gatehouse',
  'set-password.text': paragraphs(
    'Përshëndetje {firstName},',
    'Një administrator krijoi për ju një llogari Gatehouse. Për të zgjedhur fjalëkalimin tuaj, hapni këtë lidhje:',
    '{resetUrl}',
    'Lidhja funksionon vetëm një herë dhe skadon pas {expiresInDays, plural, one {# dite} other {# ditësh}}. Nëse nuk e prisnit këtë email, mund ta shpërfillni.',
  ),
  'email-changed-old-address.subject': 'Adresa email e llogarisë suaj Gatehouse u ndryshua',
  'email-changed-old-address.text': paragraphs(
    'Përshëndetje {firstName},',
    'Adresa email e llogarisë suaj Gatehouse u ndryshua në {newEmail}. Mesazhet për llogarinë tuaj tani shkojnë në atë adresë.',
    'Nëse nuk e bëtë ju këtë ndryshim, kontaktoni menjëherë administratorin e llogarisë suaj.',
  ),
  'email-changed-new-address.subject': 'Kjo është tani adresa juaj email në Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Përshëndetje {firstName},',
    'Kjo adresë është tani adresa email e llogarisë suaj Gatehouse. Mesazhet për llogarinë tuaj do të vijnë këtu.',
    'Nëse nuk dini gjë për këtë ndryshim, kontaktoni administratorin e llogarisë suaj.',
  ),
  'password-changed.subject': 'Fjalëkalimi juaj Gatehouse u ndryshua',
  'password-changed.text': paragraphs(
    'Përshëndetje {firstName},',
    'Fjalëkalimi i llogarisë suaj Gatehouse u ndryshua.',
    'Nëse nuk e ndryshuat ju, kontaktoni menjëherë administratorin e llogarisë suaj.',
  ),
  'invite.subject': 'Jeni ftuar në Gatehouse',
  'invite.text': paragraphs(
    'Përshëndetje,',
    'Jeni ftuar të bashkoheni me një llogari Gatehouse. Për ta pranuar, hapni këtë lidhje dhe zgjidhni emrin e përdoruesit dhe fjalëkalimin:',
    '{acceptUrl}',
    'Lidhja funksionon vetëm një herë dhe skadon pas {expiresInHours, plural, one {# ore} other {# orësh}}. Nëse nuk e prisnit këtë ftesë, mund ta shpërfillni.',
  ),

  'page.reset-password.title': 'Caktoni një fjalëkalim të ri',
  'page.reset-password.intro': 'Zgjidhni një fjalëkalim të ri për llogarinë tuaj Gatehouse.',
  'page.set-password.title': 'Zgjidhni fjalëkalimin tuaj',
  'page.set-password.intro': 'Zgjidhni fjalëkalimin me të cilin do të hyni në Gatehouse.',
  'page.accept-invite.title': 'Pranoni ftesën',
  'page.accept-invite.intro':
    'Plotësoni profilin tuaj për t’u bashkuar me llogarinë Gatehouse ku jeni ftuar.',
  'page.field.firstName': 'Emri',
  'page.field.lastName': 'Mbiemri',
  'page.field.username': 'Emri i përdoruesit',
  'page.field.username.hint': 'Nga 3 deri në 64 shkronja latine, shifra, pika, viza ose nënvija.',
  'page.field.password': 'Fjalëkalimi',
  'page.field.password.hint': 'Duhet të ndjekë politikën e fjalëkalimeve të llogarisë suaj.',
  'page.submit.password': 'Ruani fjalëkalimin',
  'page.submit.accept': 'Pranoni ftesën',
  'page.done.title': 'Gati',
  'page.done.password': 'Fjalëkalimi juaj u ruajt. Tani mund të hyni me të.',
  'page.done.accept':
    'Mirë se vini në Gatehouse! Llogaria juaj është gati: hyni me emrin e përdoruesit dhe fjalëkalimin tuaj.',
  'page.error.link':
    'Kjo lidhje nuk mund të përdoret: është e paplotë, është përdorur tashmë ose ka skaduar. Kërkojini një të re administratorit të llogarisë suaj.',
  'page.error.form-expired': 'Ky formular ka skaduar. Ju lutemi dërgojeni përsëri.',
  'page.error.field': 'Ju lutemi kontrolloni fushën “{field}”.',
  'page.error.password-policy': 'Ky fjalëkalim nuk ndjek politikën e fjalëkalimeve të llogarisë suaj.',
  'page.error.username-taken': 'Ky emër përdoruesi është i zënë. Ju lutemi zgjidhni një tjetër.',
  'page.error.unavailable': 'Diçka shkoi keq nga ana jonë. Ju lutemi provoni përsëri pas pak.',
};
