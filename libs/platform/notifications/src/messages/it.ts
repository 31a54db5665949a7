import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Italian, formal address (Lei). */
export const it: Catalog = {
  'default.firstName': 'gentile utente',
  'default.newEmail': 'un nuovo indirizzo',

  'account-locked.subject': 'Il Suo account Gatehouse è bloccato',
  'account-locked.text': paragraphs(
    'Buongiorno {firstName},',
    'Il Suo account Gatehouse è stato bloccato dopo troppi tentativi di accesso non riusciti. Finché non viene sbloccato, nessuno può accedervi, nemmeno con la password corretta.',
    'Un amministratore del Suo account può sbloccarlo. Riceverà poi un’email con un link per impostare una nuova password.',
    'Se questi tentativi non sono stati fatti da Lei, avvisi l’amministratore del Suo account.',
  ),
  'password-reset.subject': 'Imposti una nuova password Gatehouse',
  'password-reset.text': paragraphs(
    'Buongiorno {firstName},',
    'Per impostare una nuova password per il Suo account Gatehouse, apra questo link:',
    '{resetUrl}',
    'Il link funziona una sola volta e scade tra {expiresInMinutes, plural, one {# minuto} other {# minuti}}. Se non si aspettava questa email, può ignorarla.',
  ),
  'set-password.subject': 'Scelga la Sua password Gatehouse',
  'set-password.text': paragraphs(
    'Buongiorno {firstName},',
    'Un amministratore ha creato per Lei un account Gatehouse. Per scegliere la Sua password, apra questo link:',
    '{resetUrl}',
    'Il link funziona una sola volta e scade tra {expiresInDays, plural, one {# giorno} other {# giorni}}. Se non si aspettava questa email, può ignorarla.',
  ),
  'email-changed-old-address.subject': 'L’indirizzo email del Suo account Gatehouse è stato modificato',
  'email-changed-old-address.text': paragraphs(
    'Buongiorno {firstName},',
    'L’indirizzo email del Suo account Gatehouse è stato cambiato in {newEmail}. Da ora i messaggi sul Suo account arriveranno a quell’indirizzo.',
    'Se non ha fatto Lei questa modifica, contatti subito l’amministratore del Suo account.',
  ),
  'email-changed-new-address.subject': 'Questo è ora il Suo indirizzo email Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Buongiorno {firstName},',
    'Questo indirizzo è ora l’indirizzo email del Suo account Gatehouse. I messaggi sul Suo account arriveranno qui.',
    'Se non è a conoscenza di questa modifica, contatti l’amministratore del Suo account.',
  ),
  'password-changed.subject': 'La Sua password Gatehouse è stata modificata',
  'password-changed.text': paragraphs(
    'Buongiorno {firstName},',
    'La password del Suo account Gatehouse è stata modificata.',
    'Se non l’ha cambiata Lei, contatti subito l’amministratore del Suo account.',
  ),
  'invite.subject': 'Invito a Gatehouse',
  'invite.text': paragraphs(
    'Buongiorno,',
    'È stato invitato a unirsi a un account Gatehouse. Per accettare, apra questo link e scelga nome utente e password:',
    '{acceptUrl}',
    'Il link funziona una sola volta e scade tra {expiresInHours, plural, one {# ora} other {# ore}}. Se non si aspettava questo invito, può ignorarlo.',
  ),

  'page.reset-password.title': 'Imposti una nuova password',
  'page.reset-password.intro': 'Scelga una nuova password per il Suo account Gatehouse.',
  'page.set-password.title': 'Scelga la Sua password',
  'page.set-password.intro': 'Scelga la password con cui accederà a Gatehouse.',
  'page.accept-invite.title': 'Accetti l’invito',
  'page.accept-invite.intro':
    'Completi il Suo profilo per unirsi all’account Gatehouse a cui è stato invitato.',
  'page.field.firstName': 'Nome',
  'page.field.lastName': 'Cognome',
  'page.field.username': 'Nome utente',
  'page.field.username.hint': 'Da 3 a 64 lettere, cifre, punti, trattini o trattini bassi.',
  'page.field.password': 'Password',
  'page.field.password.hint': 'Deve rispettare la politica delle password del Suo account.',
  'page.submit.password': 'Salva la password',
  'page.submit.accept': 'Accetta l’invito',
  'page.done.title': 'Fatto',
  'page.done.password': 'La Sua password è stata salvata. Ora può accedere con questa password.',
  'page.done.accept':
    'Benvenuto in Gatehouse! Il Suo account è pronto: acceda con il Suo nome utente e la Sua password.',
  'page.error.link':
    'Questo link non può essere usato: è incompleto, è già stato usato o è scaduto. Ne chieda uno nuovo all’amministratore del Suo account.',
  'page.error.form-expired': 'Questo modulo è scaduto. Lo invii di nuovo, per favore.',
  'page.error.field': 'Controlli il campo «{field}».',
  'page.error.password-policy': 'Questa password non rispetta la politica delle password del Suo account.',
  'page.error.username-taken': 'Questo nome utente è già in uso. Ne scelga un altro.',
  'page.error.unavailable': 'Qualcosa è andato storto da parte nostra. Riprovi tra un momento.',
};
