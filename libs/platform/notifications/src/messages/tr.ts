import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Turkish, formal address (siz). */
export const tr: Catalog = {
  'default.firstName': 'değerli kullanıcımız',
  'default.newEmail': 'yeni bir adres',

  'account-locked.subject': 'Gatehouse hesabınız kilitlendi',
  'account-locked.text': paragraphs(
    'Merhaba {firstName},',
    'Gatehouse hesabınız çok sayıda başarısız oturum açma denemesinden sonra kilitlendi. Kilit açılana kadar, doğru parolayla bile kimse bu hesapta oturum açamaz.',
    'Hesabınızın bir yöneticisi kilidi açabilir. Ardından yeni bir parola belirlemeniz için bağlantı içeren bir e-posta alacaksınız.',
    'Bu denemeler size ait değilse lütfen hesap yöneticinize bildirin.',
  ),
  'password-reset.subject': 'Yeni bir Gatehouse parolası belirleyin',
  'password-reset.text': paragraphs(
    'Merhaba {firstName},',
    'Gatehouse hesabınız için yeni bir parola belirlemek üzere bu bağlantıyı açın:',
    '{resetUrl}',
    'Bağlantı yalnızca bir kez çalışır ve {expiresInMinutes, plural, other {# dakika}} sonra geçerliliğini yitirir. Bu e-postayı beklemiyorsanız dikkate almayabilirsiniz.',
  ),
  'set-password.subject': 'Gatehouse parolanızı belirleyin',
  'set-password.text': paragraphs(
    'Merhaba {firstName},',
    'Bir yönetici sizin için bir Gatehouse hesabı oluşturdu. Parolanızı belirlemek için bu bağlantıyı açın:',
    '{resetUrl}',
    'Bağlantı yalnızca bir kez çalışır ve {expiresInDays, plural, other {# gün}} sonra geçerliliğini yitirir. Bu e-postayı beklemiyorsanız dikkate almayabilirsiniz.',
  ),
  'email-changed-old-address.subject': 'Gatehouse hesabınızın e-posta adresi değiştirildi',
  'email-changed-old-address.text': paragraphs(
    'Merhaba {firstName},',
    'Gatehouse hesabınızın e-posta adresi {newEmail} olarak değiştirildi. Hesabınızla ilgili iletiler artık bu adrese gönderilecek.',
    'Bu değişikliği siz yapmadıysanız hemen hesap yöneticinizle iletişime geçin.',
  ),
  'email-changed-new-address.subject': 'Gatehouse e-posta adresiniz artık bu',
  'email-changed-new-address.text': paragraphs(
    'Merhaba {firstName},',
    'Bu adres artık Gatehouse hesabınızın e-posta adresi. Hesabınızla ilgili iletiler buraya gelecek.',
    'Bu değişiklikten haberiniz yoksa hesap yöneticinizle iletişime geçin.',
  ),
  'password-changed.subject': 'Gatehouse parolanız değiştirildi',
  'password-changed.text': paragraphs(
    'Merhaba {firstName},',
    'Gatehouse hesabınızın parolası değiştirildi.',
    'Parolayı siz değiştirmediyseniz hemen hesap yöneticinizle iletişime geçin.',
  ),
  'invite.subject': 'Gatehouse’a davet edildiniz',
  'invite.text': paragraphs(
    'Merhaba,',
    'Bir Gatehouse hesabına katılmaya davet edildiniz. Daveti kabul etmek için bu bağlantıyı açın ve kullanıcı adınızı ve parolanızı seçin:',
    '{acceptUrl}',
    'Bağlantı yalnızca bir kez çalışır ve {expiresInHours, plural, other {# saat}} sonra geçerliliğini yitirir. Bu daveti beklemiyorsanız dikkate almayabilirsiniz.',
  ),

  'page.reset-password.title': 'Yeni parola belirleyin',
  'page.reset-password.intro': 'Gatehouse hesabınız için yeni bir parola seçin.',
  'page.set-password.title': 'Parolanızı seçin',
  'page.set-password.intro': 'Gatehouse’ta oturum açarken kullanacağınız parolayı seçin.',
  'page.accept-invite.title': 'Daveti kabul edin',
  'page.accept-invite.intro': 'Davet edildiğiniz Gatehouse hesabına katılmak için profilinizi tamamlayın.',
  'page.field.firstName': 'Ad',
  'page.field.lastName': 'Soyadı',
  'page.field.username': 'Kullanıcı adı',
  'page.field.username.hint': '3 ile 64 arasında Latin harfi, rakam, nokta, kısa çizgi veya alt çizgi.',
  'page.field.password': 'Parola',
  'page.field.password.hint': 'Hesabınızın parola politikasına uymalıdır.',
  'page.submit.password': 'Parolayı kaydet',
  'page.submit.accept': 'Daveti kabul et',
  'page.done.title': 'Tamamlandı',
  'page.done.password': 'Parolanız kaydedildi. Artık bu parolayla oturum açabilirsiniz.',
  'page.done.accept':
    'Gatehouse’a hoş geldiniz! Hesabınız hazır: kullanıcı adınız ve parolanızla oturum açın.',
  'page.error.link':
    'Bu bağlantı kullanılamıyor: eksik, daha önce kullanılmış ya da süresi dolmuş. Hesap yöneticinizden yeni bir bağlantı isteyin.',
  'page.error.form-expired': 'Bu formun süresi doldu. Lütfen yeniden gönderin.',
  'page.error.field': 'Lütfen “{field}” alanını kontrol edin.',
  'page.error.password-policy': 'Bu parola hesabınızın parola politikasına uymuyor.',
  'page.error.username-taken': 'Bu kullanıcı adı zaten alınmış. Lütfen başka bir ad seçin.',
  'page.error.unavailable': 'Bizim tarafımızda bir sorun oluştu. Lütfen biraz sonra yeniden deneyin.',
};
