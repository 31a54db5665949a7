import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Japanese, polite form (です・ます). */
export const ja: Catalog = {
  'default.firstName': 'ユーザー',
  'default.newEmail': '新しいアドレス',

  'account-locked.subject': 'Gatehouse アカウントがロックされました',
  'account-locked.text': paragraphs(
    '{firstName} 様',
    'サインインの失敗が続いたため、お使いの Gatehouse アカウントはロックされました。ロックが解除されるまでは、正しいパスワードでも誰もサインインできません。',
    'アカウントの管理者がロックを解除できます。解除されると、新しいパスワードを設定するためのリンクがメールで届きます。',
    'これらの試行に心当たりがない場合は、アカウントの管理者にお知らせください。',
  ),
  'password-reset.subject': 'Gatehouse の新しいパスワードを設定してください',
  'password-reset.text': paragraphs(
    '{firstName} 様',
    'Gatehouse アカウントの新しいパスワードを設定するには、次のリンクを開いてください。',
    '{resetUrl}',
    'このリンクは一度だけ使用でき、{expiresInMinutes, plural, other {# 分}}後に無効になります。このメールに心当たりがない場合は、無視してください。',
  ),
  'set-password.subject': 'Gatehouse のパスワードを設定してください',
  'set-password.text': paragraphs(
    '{firstName} 様',
    '管理者があなたの Gatehouse アカウントを作成しました。パスワードを設定するには、次のリンクを開いてください。',
    '{resetUrl}',
    'このリンクは一度だけ使用でき、{expiresInDays, plural, other {# 日}}後に無効になります。このメールに心当たりがない場合は、無視してください。',
  ),
  'email-changed-old-address.subject': 'Gatehouse アカウントのメールアドレスが変更されました',
  'email-changed-old-address.text': paragraphs(
    '{firstName} 様',
    'お使いの Gatehouse アカウントのメールアドレスが {newEmail} に変更されました。今後、アカウントに関するお知らせはそのアドレスに届きます。',
    'この変更に心当たりがない場合は、すぐにアカウントの管理者に連絡してください。',
  ),
  'email-changed-new-address.subject': 'このアドレスが Gatehouse のメールアドレスになりました',
  'email-changed-new-address.text': paragraphs(
    '{firstName} 様',
    'このアドレスが Gatehouse アカウントのメールアドレスになりました。今後、アカウントに関するお知らせはこちらに届きます。',
    'この変更に心当たりがない場合は、アカウントの管理者に連絡してください。',
  ),
  'password-changed.subject': 'Gatehouse のパスワードが変更されました',
  'password-changed.text': paragraphs(
    '{firstName} 様',
    'お使いの Gatehouse アカウントのパスワードが変更されました。',
    'ご自身で変更していない場合は、すぐにアカウントの管理者に連絡してください。',
  ),
  'invite.subject': 'Gatehouse への招待',
  'invite.text': paragraphs(
    'こんにちは。',
    'Gatehouse アカウントに招待されました。招待を受けるには、次のリンクを開いて、ユーザー名とパスワードを設定してください。',
    '{acceptUrl}',
    'このリンクは一度だけ使用でき、{expiresInHours, plural, other {# 時間}}後に無効になります。この招待に心当たりがない場合は、無視してください。',
  ),

  'page.reset-password.title': '新しいパスワードの設定',
  'page.reset-password.intro': 'Gatehouse アカウントの新しいパスワードを入力してください。',
  'page.set-password.title': 'パスワードの設定',
  'page.set-password.intro': 'Gatehouse へのサインインに使うパスワードを決めてください。',
  'page.accept-invite.title': '招待を受ける',
  'page.accept-invite.intro': 'プロフィールを入力して、招待された Gatehouse アカウントに参加してください。',
  'page.field.firstName': '名',
  'page.field.lastName': '姓',
  'page.field.username': 'ユーザー名',
  'page.field.username.hint': '半角英数字、ピリオド、ハイフン、アンダースコアで 3～64 文字。',
  'page.field.password': 'パスワード',
  'page.field.password.hint': 'アカウントのパスワードポリシーに従う必要があります。',
  'page.submit.password': 'パスワードを保存',
  'page.submit.accept': '招待を受ける',
  'page.done.title': '完了しました',
  'page.done.password': 'パスワードを保存しました。このパスワードでサインインできます。',
  'page.done.accept':
    'Gatehouse へようこそ。アカウントの準備ができました。ユーザー名とパスワードでサインインしてください。',
  'page.error.link':
    'このリンクは使用できません。不完全か、すでに使用済みか、有効期限が切れています。アカウントの管理者に新しいリンクを依頼してください。',
  'page.error.form-expired': 'このフォームの有効期限が切れました。もう一度送信してください。',
  'page.error.field': '「{field}」を確認してください。',
  'page.error.password-policy': 'このパスワードはアカウントのパスワードポリシーを満たしていません。',
  'page.error.username-taken': 'このユーザー名はすでに使われています。別のユーザー名を選んでください。',
  'page.error.unavailable': 'こちらで問題が発生しました。しばらくしてからもう一度お試しください。',
};
