import { paragraphs, type TemplateSet } from './email-template';

/** French, formal address (vous). */
export const fr: TemplateSet = {
  'account-locked': {
    subject: 'Votre compte Gatehouse est verrouillé',
    text: paragraphs(
      'Bonjour {{firstName}},',
      "Votre compte Gatehouse a été verrouillé après un trop grand nombre de tentatives de connexion échouées. Tant qu'il n'est pas déverrouillé, personne ne peut s'y connecter, même avec le bon mot de passe.",
      'Un administrateur de votre compte peut le déverrouiller. Vous recevrez alors un e-mail contenant un lien pour définir un nouveau mot de passe.',
      "Si ces tentatives ne viennent pas de vous, prévenez l'administrateur de votre compte.",
    ),
  },
  'password-reset': {
    subject: 'Définissez un nouveau mot de passe Gatehouse',
    text: paragraphs(
      'Bonjour {{firstName}},',
      'Pour définir un nouveau mot de passe pour votre compte Gatehouse, ouvrez ce lien :',
      '{{resetUrl}}',
      "Le lien ne fonctionne qu'une fois et expire dans {{expiresInMinutes}} minutes. Si vous n'attendiez pas cet e-mail, vous pouvez l'ignorer.",
    ),
  },
  'email-changed-old-address': {
    subject: "L'adresse e-mail de votre compte Gatehouse a été modifiée",
    text: paragraphs(
      'Bonjour {{firstName}},',
      "L'adresse e-mail de votre compte Gatehouse a été remplacée par {{newEmail}}. Les messages concernant votre compte seront désormais envoyés à cette adresse.",
      "Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement l'administrateur de votre compte.",
    ),
  },
  'email-changed-new-address': {
    subject: 'Voici désormais votre adresse e-mail Gatehouse',
    text: paragraphs(
      'Bonjour {{firstName}},',
      "Cette adresse est désormais l'adresse e-mail de votre compte Gatehouse. Les messages concernant votre compte arriveront ici.",
      "Si vous n'avez pas connaissance de ce changement, contactez l'administrateur de votre compte.",
    ),
  },
  'password-changed': {
    subject: 'Votre mot de passe Gatehouse a été modifié',
    text: paragraphs(
      'Bonjour {{firstName}},',
      'Le mot de passe de votre compte Gatehouse a été modifié.',
      "Si vous n'êtes pas à l'origine de ce changement, contactez immédiatement l'administrateur de votre compte.",
    ),
  },
  invite: {
    subject: 'Invitation à Gatehouse',
    text: paragraphs(
      'Bonjour,',
      'Vous êtes invité à rejoindre un compte Gatehouse. Pour accepter, ouvrez ce lien et choisissez votre nom d’utilisateur et votre mot de passe :',
      '{{acceptUrl}}',
      'Le lien fonctionne une seule fois et expire dans {{expiresInHours}} heures. Si vous n’attendiez pas cette invitation, vous pouvez l’ignorer.',
    ),
  },
};
