import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Chinese, Traditional script as used in Taiwan, polite address (您). */
export const zhTW: Catalog = {
  'default.firstName': '使用者',
  'default.newEmail': '新的地址',

  'account-locked.subject': '您的 Gatehouse 帳號已遭鎖定',
  'account-locked.text': paragraphs(
    '{firstName} 您好：',
    '由於登入失敗次數過多，您的 Gatehouse 帳號已遭鎖定。在解除鎖定之前，任何人都無法登入這個帳號，即使密碼正確也一樣。',
    '您帳號的管理員可以解除鎖定。解除後，您會收到一封電子郵件，內含設定新密碼的連結。',
    '如果這些登入嘗試不是您本人所為，請告知您帳號的管理員。',
  ),
  'password-reset.subject': '設定新的 Gatehouse 密碼',
  'password-reset.text': paragraphs(
    '{firstName} 您好：',
    '若要為您的 Gatehouse 帳號設定新密碼，請開啟以下連結：',
    '{resetUrl}',
    '此連結只能使用一次，將在 {expiresInMinutes, plural, other {# 分鐘}}後失效。如果您沒有預期收到這封郵件，可以略過它。',
  ),
  'set-password.subject': '設定您的 Gatehouse 密碼',
  'set-password.text': paragraphs(
    '{firstName} 您好：',
    '管理員已為您建立 Gatehouse 帳號。若要設定密碼，請開啟以下連結：',
    '{resetUrl}',
    '此連結只能使用一次，將在 {expiresInDays, plural, other {# 天}}後失效。如果您沒有預期收到這封郵件，可以略過它。',
  ),
  'email-changed-old-address.subject': '您的 Gatehouse 帳號電子郵件地址已變更',
  'email-changed-old-address.text': paragraphs(
    '{firstName} 您好：',
    '您的 Gatehouse 帳號電子郵件地址已變更為 {newEmail}。之後有關您帳號的訊息將寄到該地址。',
    '如果這項變更不是您本人所為，請立即聯絡您帳號的管理員。',
  ),
  'email-changed-new-address.subject': '這是您新的 Gatehouse 電子郵件地址',
  'email-changed-new-address.text': paragraphs(
    '{firstName} 您好：',
    '此地址現在是您 Gatehouse 帳號的電子郵件地址。有關您帳號的訊息將寄到這裡。',
    '如果您不知道這項變更，請聯絡您帳號的管理員。',
  ),
  'password-changed.subject': '您的 Gatehouse 密碼已變更',
  'password-changed.text': paragraphs(
    '{firstName} 您好：',
    '您的 Gatehouse 帳號密碼已變更。',
    '如果不是您本人變更的，請立即聯絡您帳號的管理員。',
  ),
  'invite.subject': '邀請您加入 Gatehouse',
  'invite.text': paragraphs(
    '您好：',
    '有人邀請您加入一個 Gatehouse 帳號。若要接受邀請，請開啟以下連結，並設定您的使用者名稱和密碼：',
    '{acceptUrl}',
    '此連結只能使用一次，將在 {expiresInHours, plural, other {# 小時}}後失效。如果您沒有預期收到這份邀請，可以略過它。',
  ),

  'page.reset-password.title': '設定新密碼',
  'page.reset-password.intro': '請為您的 Gatehouse 帳號設定新密碼。',
  'page.set-password.title': '設定密碼',
  'page.set-password.intro': '請設定您登入 Gatehouse 時要使用的密碼。',
  'page.accept-invite.title': '接受邀請',
  'page.accept-invite.intro': '請完成您的個人資料，以加入邀請您的 Gatehouse 帳號。',
  'page.field.firstName': '名字',
  'page.field.lastName': '姓氏',
  'page.field.username': '使用者名稱',
  'page.field.username.hint': '3 到 64 個英文字母、數字、句點、連字號或底線。',
  'page.field.password': '密碼',
  'page.field.password.hint': '密碼必須符合您帳號的密碼政策。',
  'page.submit.password': '儲存密碼',
  'page.submit.accept': '接受邀請',
  'page.done.title': '完成',
  'page.done.password': '您的密碼已儲存，現在可以用它登入了。',
  'page.done.accept': '歡迎使用 Gatehouse！您的帳號已準備就緒，請使用您的使用者名稱和密碼登入。',
  'page.error.link': '此連結無法使用：它不完整、已使用過或已過期。請向您帳號的管理員索取新的連結。',
  'page.error.form-expired': '此表單已過期，請重新送出。',
  'page.error.field': '請檢查「{field}」欄位。',
  'page.error.password-policy': '此密碼不符合您帳號的密碼政策。',
  'page.error.username-taken': '此使用者名稱已有人使用，請另選一個。',
  'page.error.unavailable': '我們這邊發生問題，請稍後再試。',
};
