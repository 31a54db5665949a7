import { paragraphs, type TemplateSet } from './email-template';

/** Spanish for Latin America (es-419), formal address (usted). */
export const es419: TemplateSet = {
  'account-locked': {
    subject: 'Su cuenta de Gatehouse está bloqueada',
    text: paragraphs(
      'Hola, {{firstName}}:',
      'Su cuenta de Gatehouse se bloqueó después de demasiados intentos fallidos de inicio de sesión. Mientras siga bloqueada, nadie podrá iniciar sesión en ella, ni siquiera con la contraseña correcta.',
      'Un administrador de su cuenta puede desbloquearla. Después recibirá un correo electrónico con un enlace para establecer una nueva contraseña.',
      'Si usted no hizo estos intentos, avísele al administrador de su cuenta.',
    ),
  },
  'password-reset': {
    subject: 'Establezca una nueva contraseña de Gatehouse',
    text: paragraphs(
      'Hola, {{firstName}}:',
      'Para establecer una nueva contraseña para su cuenta de Gatehouse, abra este enlace:',
      '{{resetUrl}}',
      'El enlace funciona una sola vez y vence en {{expiresInMinutes}} minutos. Si no esperaba este correo, puede ignorarlo.',
    ),
  },
  'email-changed-old-address': {
    subject: 'Se cambió la dirección de correo de su cuenta de Gatehouse',
    text: paragraphs(
      'Hola, {{firstName}}:',
      'La dirección de correo electrónico de su cuenta de Gatehouse se cambió a {{newEmail}}. Los mensajes sobre su cuenta llegarán ahora a esa dirección.',
      'Si usted no hizo este cambio, comuníquese de inmediato con el administrador de su cuenta.',
    ),
  },
  'email-changed-new-address': {
    subject: 'Esta es ahora su dirección de correo de Gatehouse',
    text: paragraphs(
      'Hola, {{firstName}}:',
      'Esta dirección es ahora la dirección de correo electrónico de su cuenta de Gatehouse. Los mensajes sobre su cuenta llegarán aquí.',
      'Si no está al tanto de este cambio, comuníquese con el administrador de su cuenta.',
    ),
  },
  'password-changed': {
    subject: 'Se cambió su contraseña de Gatehouse',
    text: paragraphs(
      'Hola, {{firstName}}:',
      'Se cambió la contraseña de su cuenta de Gatehouse.',
      'Si usted no la cambió, comuníquese de inmediato con el administrador de su cuenta.',
    ),
  },
  invite: {
    subject: 'Invitación a Gatehouse',
    text: paragraphs(
      'Hola:',
      'Te invitaron a unirte a una cuenta de Gatehouse. Para aceptar, abre este enlace y elige tu nombre de usuario y tu contraseña:',
      '{{acceptUrl}}',
      'El enlace funciona una sola vez y vence en {{expiresInHours}} horas. Si no esperabas esta invitación, puedes ignorarla.',
    ),
  },
};
