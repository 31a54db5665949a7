import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** French, formal address (vous). */
export const fr: Catalog = {
  'default.firstName': 'à vous',
  'default.newEmail': 'une nouvelle adresse',

  'account-locked.subject': 'Votre compte Gatehouse est verrouillé',
  'account-locked.text': paragraphs(
    'Bonjour {firstName},',
    "Votre compte Gatehouse a été verrouillé après un trop grand nombre de tentatives de connexion échouées. Tant qu'il n'est pas déverrouillé, personne ne peut s'y connecter, même avec le bon mot de passe.",
    'Un administrateur de votre compte peut le déverrouiller. Vous recevrez alors un e-mail contenant un lien pour définir un nouveau mot de passe.',
    "Si ces tentatives ne viennent pas de vous, prévenez l'administrateur de votre compte.",
  ),
  'password-reset.subject': 'Définissez un nouveau mot de passe Gatehouse',
  'password-reset.text': paragraphs(
    'Bonjour {firstName},',
    'Pour définir un nouveau mot de passe pour votre compte Gatehouse, ouvrez ce lien :',
    '{resetUrl}',
    "Le lien ne fonctionne qu'une fois et expire dans {expiresInMinutes, plural, one {# minute} other {# minutes}}. Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.",
  ),
  'set-password.subject': 'Choisissez votre mot de passe Gatehouse',
  'set-password.text': paragraphs(
    'Bonjour {firstName},',
    'Un administrateur vous a créé un compte Gatehouse. Pour choisir votre mot de passe, ouvrez ce lien :',
    '{resetUrl}',
    "Le lien ne fonctionne qu'une fois et expire dans {expiresInDays, plural, one {# jour} other {# jours}}. Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.",
  ),
  'email-changed-old-address.subject': "L'adresse e-mail de votre compte Gatehouse a été modifiée",
  'email-changed-old-address.text': paragraphs(
    'Bonjour {firstName},',
    "L'adresse e-mail de votre compte Gatehouse a été remplacée par {newEmail}. Les messages concernant votre compte seront désormais envoyés à cette adresse.",
    "Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement l'administrateur de votre compte.",
  ),
  'email-changed-new-address.subject': 'Voici désormais votre adresse e-mail Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Bonjour {firstName},',
    "Cette adresse est désormais l'adresse e-mail de votre compte Gatehouse. Les messages concernant votre compte arriveront ici.",
    "Si vous n'avez pas connaissance de ce changement, contactez l'administrateur de votre compte.",
  ),
  'password-changed.subject': 'Votre mot de passe Gatehouse a été modifié',
  'password-changed.text': paragraphs(
    'Bonjour {firstName},',
    'Le mot de passe de votre compte Gatehouse a été modifié.',
    "Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement l'administrateur de votre compte.",
  ),
  'invite.subject': 'Invitation à Gatehouse',
  'invite.text': paragraphs(
    'Bonjour,',
    'Vous êtes invité à rejoindre un compte Gatehouse. Pour accepter, ouvrez ce lien et choisissez votre nom d’utilisateur et votre mot de passe :',
    '{acceptUrl}',
    'Le lien ne fonctionne qu’une fois et expire dans {expiresInHours, plural, one {# heure} other {# heures}}. Si vous n’attendiez pas cette invitation, vous pouvez l’ignorer.',
  ),

  'page.reset-password.title': 'Définir un nouveau mot de passe',
  'page.reset-password.intro': 'Choisissez un nouveau mot de passe pour votre compte Gatehouse.',
  'page.set-password.title': 'Choisir votre mot de passe',
  'page.set-password.intro': 'Choisissez le mot de passe avec lequel vous vous connecterez à Gatehouse.',
  'page.accept-invite.title': 'Accepter votre invitation',
  'page.accept-invite.intro':
    'Complétez votre profil pour rejoindre le compte Gatehouse auquel vous avez été invité.',
  'page.field.firstName': 'Prénom',
  'page.field.lastName': 'Nom',
  'page.field.username': 'Nom d’utilisateur',
  'page.field.username.hint': 'De 3 à 64 lettres, chiffres, points, tirets ou traits de soulignement.',
  'page.field.password': 'Mot de passe',
  'page.field.password.hint': 'Il doit respecter la politique de mots de passe de votre compte.',
  'page.submit.password': 'Enregistrer le mot de passe',
  'page.submit.accept': 'Accepter l’invitation',
  'page.done.title': 'C’est fait',
  'page.done.password': 'Votre mot de passe est enregistré. Vous pouvez maintenant vous connecter avec.',
  'page.done.accept':
    'Bienvenue sur Gatehouse ! Votre compte est prêt : connectez-vous avec votre nom d’utilisateur et votre mot de passe.',
  'page.error.link':
    'Ce lien ne peut pas être utilisé : il est incomplet, a déjà servi ou a expiré. Demandez-en un nouveau à l’administrateur de votre compte.',
  'page.error.form-expired': 'Ce formulaire a expiré. Veuillez l’envoyer à nouveau.',
  'page.error.field': 'Veuillez vérifier le champ « {field} ».',
  'page.error.password-policy':
    'Ce mot de passe ne respecte pas la politique de mots de passe de votre compte.',
  'page.error.username-taken': 'Ce nom d’utilisateur est déjà pris. Veuillez en choisir un autre.',
  'page.error.unavailable': 'Un problème est survenu de notre côté. Veuillez réessayer dans un instant.',
};
