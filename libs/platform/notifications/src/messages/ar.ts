import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Arabic (Modern Standard), written right to left; the pages set dir="rtl". */
export const ar: Catalog = {
  'default.firstName': 'مستخدم Gatehouse',
  'default.newEmail': 'عنوان جديد',

  'account-locked.subject': 'تم قفل حسابك في Gatehouse',
  'account-locked.text': paragraphs(
    'مرحبًا {firstName}،',
    'تم قفل حسابك في Gatehouse بعد عدد كبير جدًا من محاولات تسجيل الدخول الفاشلة. ولن يتمكن أحد من تسجيل الدخول إليه حتى يُفتح القفل، ولو بكلمة المرور الصحيحة.',
    'يمكن لأحد مسؤولي حسابك فتح القفل. وبعد ذلك ستصلك رسالة بريد إلكتروني فيها رابط لتعيين كلمة مرور جديدة.',
    'إذا لم تكن أنت من قام بهذه المحاولات، فيُرجى إبلاغ مسؤول حسابك.',
  ),
  'password-reset.subject': 'تعيين كلمة مرور جديدة لـ Gatehouse',
  'password-reset.text': paragraphs(
    'مرحبًا {firstName}،',
    'لتعيين كلمة مرور جديدة لحسابك في Gatehouse، افتح هذا الرابط:',
    '{resetUrl}',
    'يعمل الرابط مرة واحدة فقط وتنتهي صلاحيته بعد {expiresInMinutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}. إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.',
  ),
  'set-password.subject': 'اختر كلمة المرور الخاصة بك في Gatehouse',
  'set-password.text': paragraphs(
    'مرحبًا {firstName}،',
    'أنشأ أحد المسؤولين حسابًا لك في Gatehouse. لاختيار كلمة المرور الخاصة بك، افتح هذا الرابط:',
    '{resetUrl}',
    'يعمل الرابط مرة واحدة فقط وتنتهي صلاحيته بعد {expiresInDays, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}. إذا لم تكن تتوقع هذه الرسالة، يمكنك تجاهلها.',
  ),
  'email-changed-old-address.subject': 'تم تغيير عنوان البريد الإلكتروني لحسابك في Gatehouse',
  'email-changed-old-address.text': paragraphs(
    'مرحبًا {firstName}،',
    'تم تغيير عنوان البريد الإلكتروني لحسابك في Gatehouse إلى {newEmail}. وستُرسل الرسائل المتعلقة بحسابك من الآن إلى ذلك العنوان.',
    'إذا لم تقم بهذا التغيير بنفسك، فتواصل مع مسؤول حسابك فورًا.',
  ),
  'email-changed-new-address.subject': 'أصبح هذا عنوان بريدك الإلكتروني في Gatehouse',
  'email-changed-new-address.text': paragraphs(
    'مرحبًا {firstName}،',
    'أصبح هذا العنوان عنوان البريد الإلكتروني لحسابك في Gatehouse، وستصل إليه الرسائل المتعلقة بحسابك.',
    'إذا لم تكن على علم بهذا التغيير، فتواصل مع مسؤول حسابك.',
  ),
  'password-changed.subject': 'تم تغيير كلمة مرورك في Gatehouse',
  'password-changed.text': paragraphs(
    'مرحبًا {firstName}،',
    'تم تغيير كلمة مرور حسابك في Gatehouse.',
    'إذا لم تغيّرها بنفسك، فتواصل مع مسؤول حسابك فورًا.',
  ),
  'invite.subject': 'دعوة للانضمام إلى Gatehouse',
  'invite.text': paragraphs(
    'مرحبًا،',
    'تمت دعوتك للانضمام إلى حساب في Gatehouse. لقبول الدعوة، افتح هذا الرابط واختر اسم المستخدم وكلمة المرور:',
    '{acceptUrl}',
    'يعمل الرابط مرة واحدة فقط وتنتهي صلاحيته بعد {expiresInHours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}. إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهلها.',
  ),

  'page.reset-password.title': 'تعيين كلمة مرور جديدة',
  'page.reset-password.intro': 'اختر كلمة مرور جديدة لحسابك في Gatehouse.',
  'page.set-password.title': 'اختيار كلمة المرور',
  'page.set-password.intro': 'اختر كلمة المرور التي ستستخدمها لتسجيل الدخول إلى Gatehouse.',
  'page.accept-invite.title': 'قبول الدعوة',
  'page.accept-invite.intro': 'أكمل ملفك الشخصي للانضمام إلى حساب Gatehouse الذي دُعيت إليه.',
  'page.field.firstName': 'الاسم الأول',
  'page.field.lastName': 'اسم العائلة',
  'page.field.username': 'اسم المستخدم',
  'page.field.username.hint': 'من 3 إلى 64 حرفًا لاتينيًا أو رقمًا أو نقطة أو شرطة أو شرطة سفلية.',
  'page.field.password': 'كلمة المرور',
  'page.field.password.hint': 'يجب أن تتبع سياسة كلمات المرور في حسابك.',
  'page.submit.password': 'حفظ كلمة المرور',
  'page.submit.accept': 'قبول الدعوة',
  'page.done.title': 'تم',
  'page.done.password': 'تم حفظ كلمة المرور. يمكنك الآن تسجيل الدخول بها.',
  'page.done.accept': 'مرحبًا بك في Gatehouse! حسابك جاهز: سجّل الدخول باسم المستخدم وكلمة المرور.',
  'page.error.link':
    'لا يمكن استخدام هذا الرابط: فهو غير مكتمل أو سبق استخدامه أو انتهت صلاحيته. اطلب رابطًا جديدًا من مسؤول حسابك.',
  'page.error.form-expired': 'انتهت صلاحية هذا النموذج. يُرجى إرساله مرة أخرى.',
  'page.error.field': 'يُرجى التحقق من الحقل «{field}».',
  'page.error.password-policy': 'كلمة المرور هذه لا تتبع سياسة كلمات المرور في حسابك.',
  'page.error.username-taken': 'اسم المستخدم هذا مستخدم بالفعل. يُرجى اختيار اسم آخر.',
  'page.error.unavailable': 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.',
};
