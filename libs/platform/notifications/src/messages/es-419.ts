import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Spanish for Latin America (es-419), formal address (usted). */
export const es419: Catalog = {
  'default.firstName': 'usuario de Gatehouse',
  'default.newEmail': 'una nueva dirección',

  'account-locked.subject': 'Su cuenta de Gatehouse está bloqueada',
  'account-locked.text': paragraphs(
    'Hola, {firstName}:',
    'Su cuenta de Gatehouse se bloqueó después de demasiados intentos fallidos de inicio de sesión. Mientras siga bloqueada, nadie podrá iniciar sesión en ella, ni siquiera con la contraseña correcta.',
    'Un administrador de su cuenta puede desbloquearla. Después recibirá un correo electrónico con un enlace para establecer una nueva contraseña.',
    'Si usted no hizo estos intentos, avísele al administrador de su cuenta.',
  ),
  'password-reset.subject': 'Establezca una nueva contraseña de Gatehouse',
  'password-reset.text': paragraphs(
    'Hola, {firstName}:',
    'Para establecer una nueva contraseña para su cuenta de Gatehouse, abra este enlace:',
    '{resetUrl}',
    'El enlace funciona una sola vez y vence en {expiresInMinutes, plural, one {# minuto} other {# minutos}}. Si no esperaba este correo, puede ignorarlo.',
  ),
  'set-password.subject': 'Elija su contraseña de Gatehouse',
  'set-password.text': paragraphs(
    'Hola, {firstName}:',
    'Un administrador creó una cuenta de Gatehouse para usted. Para elegir su contraseña, abra este enlace:',
    '{resetUrl}',
    'El enlace funciona una sola vez y vence en {expiresInDays, plural, one {# día} other {# días}}. Si no esperaba este correo, puede ignorarlo.',
  ),
  'email-changed-old-address.subject': 'Se cambió la dirección de correo de su cuenta de Gatehouse',
  'email-changed-old-address.text': paragraphs(
    'Hola, {firstName}:',
    'La dirección de correo electrónico de su cuenta de Gatehouse se cambió a {newEmail}. Los mensajes sobre su cuenta llegarán ahora a esa dirección.',
    'Si usted no hizo este cambio, comuníquese de inmediato con el administrador de su cuenta.',
  ),
  'email-changed-new-address.subject': 'Esta es ahora su dirección de correo de Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Hola, {firstName}:',
    'Esta dirección es ahora la dirección de correo electrónico de su cuenta de Gatehouse. Los mensajes sobre su cuenta llegarán aquí.',
    'Si no está al tanto de este cambio, comuníquese con el administrador de su cuenta.',
  ),
  'password-changed.subject': 'Se cambió su contraseña de Gatehouse',
  'password-changed.text': paragraphs(
    'Hola, {firstName}:',
    'Se cambió la contraseña de su cuenta de Gatehouse.',
    'Si usted no la cambió, comuníquese de inmediato con el administrador de su cuenta.',
  ),
  'invite.subject': 'Invitación a Gatehouse',
  'invite.text': paragraphs(
    'Hola:',
    'Lo invitaron a unirse a una cuenta de Gatehouse. Para aceptar, abra este enlace y elija su nombre de usuario y su contraseña:',
    '{acceptUrl}',
    'El enlace funciona una sola vez y vence en {expiresInHours, plural, one {# hora} other {# horas}}. Si no esperaba esta invitación, puede ignorarla.',
  ),

  'page.reset-password.title': 'Establecer una nueva contraseña',
  'page.reset-password.intro': 'Elija una nueva contraseña para su cuenta de Gatehouse.',
  'page.set-password.title': 'Elegir su contraseña',
  'page.set-password.intro': 'Elija la contraseña con la que iniciará sesión en Gatehouse.',
  'page.accept-invite.title': 'Aceptar su invitación',
  'page.accept-invite.intro':
    'Complete su perfil para unirse a la cuenta de Gatehouse a la que lo invitaron.',
  'page.field.firstName': 'Nombre',
  'page.field.lastName': 'Apellido',
  'page.field.username': 'Nombre de usuario',
  'page.field.username.hint': 'De 3 a 64 letras, dígitos, puntos, guiones o guiones bajos.',
  'page.field.password': 'Contraseña',
  'page.field.password.hint': 'Debe cumplir la política de contraseñas de su cuenta.',
  'page.submit.password': 'Guardar contraseña',
  'page.submit.accept': 'Aceptar invitación',
  'page.done.title': 'Listo',
  'page.done.password': 'Su contraseña quedó guardada. Ya puede iniciar sesión con ella.',
  'page.done.accept':
    '¡Bienvenido a Gatehouse! Su cuenta está lista: inicie sesión con su nombre de usuario y su contraseña.',
  'page.error.link':
    'Este enlace no se puede usar: está incompleto, ya se usó o venció. Pídale uno nuevo al administrador de su cuenta.',
  'page.error.form-expired': 'Este formulario venció. Envíelo de nuevo, por favor.',
  'page.error.field': 'Revise el campo “{field}”, por favor.',
  'page.error.password-policy': 'Esta contraseña no cumple la política de contraseñas de su cuenta.',
  'page.error.username-taken': 'Este nombre de usuario ya está en uso. Elija otro, por favor.',
  'page.error.unavailable': 'Algo salió mal de nuestro lado. Vuelva a intentarlo en un momento.',
};
