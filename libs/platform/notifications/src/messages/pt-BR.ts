import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Portuguese as written in Brazil, addressing the reader as "você". */
export const ptBR: Catalog = {
  'default.firstName': 'usuário do Gatehouse',
  'default.newEmail': 'um novo endereço',

  'account-locked.subject': 'Sua conta do Gatehouse está bloqueada',
  'account-locked.text': paragraphs(
    'Olá, {firstName},',
    'Sua conta do Gatehouse foi bloqueada depois de tentativas de login malsucedidas demais. Enquanto ela estiver bloqueada, ninguém consegue entrar, nem com a senha correta.',
    'Um administrador da sua conta pode desbloqueá-la. Depois disso, você receberá um e-mail com um link para definir uma nova senha.',
    'Se essas tentativas não foram suas, avise o administrador da sua conta.',
  ),
  'password-reset.subject': 'Defina uma nova senha do Gatehouse',
  'password-reset.text': paragraphs(
    'Olá, {firstName},',
    'Para definir uma nova senha para sua conta do Gatehouse, abra este link:',
    '{resetUrl}',
    'O link funciona uma única vez e expira em {expiresInMinutes, plural, one {# minuto} other {# minutos}}. Se você não esperava este e-mail, pode ignorá-lo.',
  ),
  'set-password.subject': 'Escolha sua senha do Gatehouse',
  'set-password.text': paragraphs(
    'Olá, {firstName},',
    'Um administrador criou uma conta do Gatehouse para você. Para escolher sua senha, abra este link:',
    '{resetUrl}',
    'O link funciona uma única vez e expira em {expiresInDays, plural, one {# dia} other {# dias}}. Se você não esperava este e-mail, pode ignorá-lo.',
  ),
  'email-changed-old-address.subject': 'O endereço de e-mail da sua conta do Gatehouse foi alterado',
  'email-changed-old-address.text': paragraphs(
    'Olá, {firstName},',
    'O endereço de e-mail da sua conta do Gatehouse foi alterado para {newEmail}. As mensagens sobre a sua conta agora vão para esse endereço.',
    'Se não foi você que fez essa alteração, fale imediatamente com o administrador da sua conta.',
  ),
  'email-changed-new-address.subject': 'Este agora é o seu endereço de e-mail do Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'Olá, {firstName},',
    'Este endereço agora é o endereço de e-mail da sua conta do Gatehouse. As mensagens sobre a sua conta chegarão aqui.',
    'Se você não sabe dessa alteração, fale com o administrador da sua conta.',
  ),
  'password-changed.subject': 'Sua senha do Gatehouse foi alterada',
  'password-changed.text': paragraphs(
    'Olá, {firstName},',
    'A senha da sua conta do Gatehouse foi alterada.',
    'Se não foi você que a alterou, fale imediatamente com o administrador da sua conta.',
  ),
  'invite.subject': 'Você foi convidado para o Gatehouse',
  'invite.text': paragraphs(
    'Olá,',
    'Você foi convidado para participar de uma conta do Gatehouse. Para aceitar, abra este link e escolha seu nome de usuário e sua senha:',
    '{acceptUrl}',
    'O link funciona uma única vez e expira em {expiresInHours, plural, one {# hora} other {# horas}}. Se você não esperava este convite, pode ignorá-lo.',
  ),

  'page.reset-password.title': 'Definir uma nova senha',
  'page.reset-password.intro': 'Escolha uma nova senha para sua conta do Gatehouse.',
  'page.set-password.title': 'Escolher sua senha',
  'page.set-password.intro': 'Escolha a senha que você vai usar para entrar no Gatehouse.',
  'page.accept-invite.title': 'Aceitar o convite',
  'page.accept-invite.intro':
    'Complete seu perfil para entrar na conta do Gatehouse para a qual você foi convidado.',
  'page.field.firstName': 'Nome',
  'page.field.lastName': 'Sobrenome',
  'page.field.username': 'Nome de usuário',
  'page.field.username.hint': 'De 3 a 64 letras, números, pontos, hifens ou sublinhados.',
  'page.field.password': 'Senha',
  'page.field.password.hint': 'Ela precisa seguir a política de senhas da sua conta.',
  'page.submit.password': 'Salvar senha',
  'page.submit.accept': 'Aceitar convite',
  'page.done.title': 'Tudo certo',
  'page.done.password': 'Sua senha foi salva. Agora você já pode entrar com ela.',
  'page.done.accept':
    'Boas-vindas ao Gatehouse! Sua conta está pronta: entre com seu nome de usuário e sua senha.',
  'page.error.link':
    'Este link não pode ser usado: ele está incompleto, já foi usado ou expirou. Peça um novo ao administrador da sua conta.',
  'page.error.form-expired': 'Este formulário expirou. Envie-o novamente, por favor.',
  'page.error.field': 'Verifique o campo “{field}”.',
  'page.error.password-policy': 'Esta senha não segue a política de senhas da sua conta.',
  'page.error.username-taken': 'Este nome de usuário já está em uso. Escolha outro, por favor.',
  'page.error.unavailable': 'Algo deu errado do nosso lado. Tente novamente em instantes.',
};
