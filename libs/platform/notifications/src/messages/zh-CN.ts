import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Chinese, Simplified script as used in mainland China, polite address (您). */
export const zhCN: Catalog = {
  'default.firstName': '用户',
  'default.newEmail': '新地址',

  'account-locked.subject': '您的 Gatehouse 账号已被锁定',
  'account-locked.text': paragraphs(
    '{firstName}，您好：',
    '由于登录失败次数过多，您的 Gatehouse 账号已被锁定。解锁之前，任何人都无法登录该账号，即使密码正确也不行。',
    '您账号的管理员可以为其解锁。解锁后，您会收到一封电子邮件，其中包含设置新密码的链接。',
    '如果这些登录尝试并非您本人所为，请告知您账号的管理员。',
  ),
  'password-reset.subject': '设置新的 Gatehouse 密码',
  'password-reset.text': paragraphs(
    '{firstName}，您好：',
    '如需为您的 Gatehouse 账号设置新密码，请打开以下链接：',
    '{resetUrl}',
    '该链接只能使用一次，将在 {expiresInMinutes, plural, other {# 分钟}}后失效。如果您没有预料到这封邮件，可以忽略它。',
  ),
  'set-password.subject': '设置您的 Gatehouse 密码',
  'set-password.text': paragraphs(
    '{firstName}，您好：',
    '管理员已为您创建了 Gatehouse 账号。如需设置密码，请打开以下链接：',
    '{resetUrl}',
    '该链接只能使用一次，将在 {expiresInDays, plural, other {# 天}}后失效。如果您没有预料到这封邮件，可以忽略它。',
  ),
  'email-changed-old-address.subject': '您的 Gatehouse 账号的电子邮件地址已更改',
  'email-changed-old-address.text': paragraphs(
    '{firstName}，您好：',
    '您的 Gatehouse 账号的电子邮件地址已更改为 {newEmail}。今后有关您账号的消息将发送到该地址。',
    '如果这项更改并非您本人所为，请立即联系您账号的管理员。',
  ),
  'email-changed-new-address.subject': '这是您新的 Gatehouse 电子邮件地址',
  'email-changed-new-address.text': paragraphs(
    '{firstName}，您好：',
    '此地址现已成为您的 Gatehouse 账号的电子邮件地址。有关您账号的消息将发送到这里。',
    '如果您不知道这项更改，请联系您账号的管理员。',
  ),
  'password-changed.subject': '您的 Gatehouse 密码已更改',
  'password-changed.text': paragraphs(
    '{firstName}，您好：',
    '您的 Gatehouse 账号的密码已更改。',
    '如果不是您本人更改的，请立即联系您账号的管理员。',
  ),
  'invite.subject': '邀请您加入 Gatehouse',
  'invite.text': paragraphs(
    '您好：',
    '有人邀请您加入一个 Gatehouse 账号。如需接受邀请，请打开以下链接，并设置您的用户名和密码：',
    '{acceptUrl}',
    '该链接只能使用一次，将在 {expiresInHours, plural, other {# 小时}}后失效。如果您没有预料到这封邀请，可以忽略它。',
  ),

  'page.reset-password.title': '设置新密码',
  'page.reset-password.intro': '请为您的 Gatehouse 账号设置一个新密码。',
  'page.set-password.title': '设置密码',
  'page.set-password.intro': '请设置您登录 Gatehouse 时使用的密码。',
  'page.accept-invite.title': '接受邀请',
  'page.accept-invite.intro': '请完善您的个人资料，以加入邀请您的 Gatehouse 账号。',
  'page.field.firstName': '名',
  'page.field.lastName': '姓',
  'page.field.username': '用户名',
  'page.field.username.hint': '3 到 64 个英文字母、数字、点、连字符或下划线。',
  'page.field.password': '密码',
  'page.field.password.hint': '密码必须符合您账号的密码策略。',
  'page.submit.password': '保存密码',
  'page.submit.accept': '接受邀请',
  'page.done.title': '已完成',
  'page.done.password': '您的密码已保存，现在可以用它登录了。',
  'page.done.accept': '欢迎使用 Gatehouse！您的账号已准备就绪，请使用您的用户名和密码登录。',
  'page.error.link': '此链接无法使用：它不完整、已被使用或已过期。请向您账号的管理员索取新的链接。',
  'page.error.form-expired': '此表单已过期，请重新提交。',
  'page.error.field': '请检查“{field}”字段。',
  'page.error.password-policy': '此密码不符合您账号的密码策略。',
  'page.error.username-taken': '此用户名已被占用，请换一个。',
  'page.error.unavailable': '我们这边出了点问题，请稍后再试。',
};
