import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Swedish, addressing the reader as "du" (as Swedish service text does). */
export const sv: Catalog = {
  'default.firstName': 'du',
  'default.newEmail': 'en ny adress',

  'account-locked.subject': 'Ditt Gatehouse-konto är låst',
  'account-locked.text': paragraphs(
    'Hej {firstName}!',
    'Ditt Gatehouse-konto har låsts efter för många misslyckade inloggningsförsök. Tills det låses upp kan ingen logga in på det, inte ens med rätt lösenord.',
    'En administratör för ditt konto kan låsa upp det. Du får då ett mejl med en länk för att ange ett nytt lösenord.',
    'Om det inte var du som gjorde försöken, meddela administratören för ditt konto.',
  ),
  'password-reset.subject': 'Ange ett nytt lösenord för Gatehouse',
  'password-reset.text': paragraphs(
    'Hej {firstName}!',
    'Öppna den här länken för att ange ett nytt lösenord för ditt Gatehouse-konto:',
    '{resetUrl}',
    'Länken fungerar en gång och slutar gälla om {expiresInMinutes, plural, one {# minut} other {# minuter}}. Om du inte väntade dig det här mejlet kan du bortse från det.',
  ),
  'set-password.subject': 'Välj ditt lösenord för Gatehouse',
  'set-password.text': paragraphs(
    'Hej {firstName}!',
    'En administratör har skapat ett Gatehouse-konto åt dig. Öppna den här länken för att välja ditt lösenord:',
    '{resetUrl}',
    'Länken fungerar en gång och slutar gälla om {expiresInDays, plural, one {# dag} other {# dagar}}. Om du inte väntade dig det här mejlet kan du bortse från det.',
  ),
  'email-changed-old-address.subject': 'E-postadressen för ditt Gatehouse-konto har ändrats',
  'email-changed-old-address.text': paragraphs(
    'Hej {firstName}!',
    'E-postadressen för ditt Gatehouse-konto har ändrats till {newEmail}. Meddelanden om ditt konto skickas nu till den adressen.',
    'Om det inte var du som gjorde ändringen, kontakta genast administratören för ditt konto.',
  ),
  'email-changed-new-address.subject': 'Det här är nu din e-postadress i Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Hej {firstName}!',
    'Den här adressen är nu e-postadressen för ditt Gatehouse-konto. Meddelanden om ditt konto kommer hit.',
    'Om du inte känner till ändringen, kontakta administratören för ditt konto.',
  ),
  'password-changed.subject': 'Ditt lösenord för Gatehouse har ändrats',
  'password-changed.text': paragraphs(
    'Hej {firstName}!',
    'Lösenordet för ditt Gatehouse-konto har ändrats.',
    'Om det inte var du som ändrade det, kontakta genast administratören för ditt konto.',
  ),
  'invite.subject': 'Du är inbjuden till Gatehouse',
  'invite.text': paragraphs(
    'Hej!',
    'Du har bjudits in till ett Gatehouse-konto. Öppna den här länken för att tacka ja och välj ditt användarnamn och lösenord:',
    '{acceptUrl}',
    'Länken fungerar en gång och slutar gälla om {expiresInHours, plural, one {# timme} other {# timmar}}. Om du inte väntade dig den här inbjudan kan du bortse från den.',
  ),

  'page.reset-password.title': 'Ange ett nytt lösenord',
  'page.reset-password.intro': 'Välj ett nytt lösenord för ditt Gatehouse-konto.',
  'page.set-password.title': 'Välj ditt lösenord',
  'page.set-password.intro': 'Välj lösenordet som du ska logga in i Gatehouse med.',
  'page.accept-invite.title': 'Tacka ja till inbjudan',
  'page.accept-invite.intro':
    'Fyll i din profil för att gå med i Gatehouse-kontot som du har bjudits in till.',
  'page.field.firstName': 'Förnamn',
  'page.field.lastName': 'Efternamn',
  'page.field.username': 'Användarnamn',
  'page.field.username.hint': '3 till 64 bokstäver, siffror, punkter, bindestreck eller understreck.',
  'page.field.password': 'Lösenord',
  'page.field.password.hint': 'Det måste följa lösenordspolicyn för ditt konto.',
  'page.submit.password': 'Spara lösenord',
  'page.submit.accept': 'Tacka ja',
  'page.done.title': 'Klart',
  'page.done.password': 'Ditt lösenord är sparat. Nu kan du logga in med det.',
  'page.done.accept':
    'Välkommen till Gatehouse! Ditt konto är klart: logga in med ditt användarnamn och lösenord.',
  'page.error.link':
    'Den här länken kan inte användas: den är ofullständig, redan använd eller har slutat gälla. Be administratören för ditt konto om en ny.',
  'page.error.form-expired': 'Formuläret har slutat gälla. Skicka det igen.',
  'page.error.field': 'Kontrollera fältet ”{field}”.',
  'page.error.password-policy': 'Lösenordet följer inte lösenordspolicyn för ditt konto.',
  'page.error.username-taken': 'Användarnamnet är redan upptaget. Välj ett annat.',
  'page.error.unavailable': 'Något gick fel hos oss. Försök igen om en liten stund.',
};
