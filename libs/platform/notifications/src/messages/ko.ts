import type { Catalog } from './en';
import { paragraphs } from './paragraphs';

/** Korean, polite formal style (합니다체). */
export const ko: Catalog = {
  'default.firstName': '사용자',
  'default.newEmail': '새 주소',

  'account-locked.subject': 'Gatehouse 계정이 잠겼습니다',
  'account-locked.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    '로그인 실패가 너무 많아 Gatehouse 계정이 잠겼습니다. 잠금이 해제될 때까지는 올바른 비밀번호로도 아무도 로그인할 수 없습니다.',
    '계정 관리자가 잠금을 해제할 수 있습니다. 해제되면 새 비밀번호를 설정할 수 있는 링크가 이메일로 전송됩니다.',
    '본인이 시도한 것이 아니라면 계정 관리자에게 알려 주십시오.',
  ),
  'password-reset.subject': 'Gatehouse 새 비밀번호 설정',
  'password-reset.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    'Gatehouse 계정의 새 비밀번호를 설정하려면 다음 링크를 여십시오.',
    '{resetUrl}',
    '이 링크는 한 번만 사용할 수 있으며 {expiresInMinutes, plural, other {#분}} 후에 만료됩니다. 이 이메일을 예상하지 못하셨다면 무시하셔도 됩니다.',
  ),
  'set-password.subject': 'Gatehouse 비밀번호를 설정하십시오',
  'set-password.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    '관리자가 회원님의 Gatehouse 계정을 만들었습니다. 비밀번호를 설정하려면 다음 링크를 여십시오.',
    '{resetUrl}',
    '이 링크는 한 번만 사용할 수 있으며 {expiresInDays, plural, other {#일}} 후에 만료됩니다. 이 이메일을 예상하지 못하셨다면 무시하셔도 됩니다.',
  ),
  'email-changed-old-address.subject': 'Gatehouse 계정의 이메일 주소가 변경되었습니다',
  'email-changed-old-address.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    'Gatehouse 계정의 이메일 주소가 {newEmail}(으)로 변경되었습니다. 이제 계정 관련 메시지는 그 주소로 전송됩니다.',
    '본인이 변경하지 않았다면 즉시 계정 관리자에게 연락하십시오.',
  ),
  'email-changed-new-address.subject': '이제 이 주소가 Gatehouse 이메일 주소입니다',
  'email-changed-new-address.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    '이제 이 주소가 Gatehouse 계정의 이메일 주소입니다. 계정 관련 메시지는 이 주소로 전송됩니다.',
    '이 변경에 대해 모르신다면 계정 관리자에게 연락하십시오.',
  ),
  'password-changed.subject': 'Gatehouse 비밀번호가 변경되었습니다',
  'password-changed.text': paragraphs(
    '{firstName}님, 안녕하세요.',
    'Gatehouse 계정의 비밀번호가 변경되었습니다.',
    '본인이 변경하지 않았다면 즉시 계정 관리자에게 연락하십시오.',
  ),
  'invite.subject': 'Gatehouse 초대',
  'invite.text': paragraphs(
    '안녕하세요.',
    'Gatehouse 계정에 초대되었습니다. 초대를 수락하려면 다음 링크를 열고 사용자 이름과 비밀번호를 정하십시오.',
    '{acceptUrl}',
    '이 링크는 한 번만 사용할 수 있으며 {expiresInHours, plural, other {#시간}} 후에 만료됩니다. 이 초대를 예상하지 못하셨다면 무시하셔도 됩니다.',
  ),

  'page.reset-password.title': '새 비밀번호 설정',
  'page.reset-password.intro': 'Gatehouse 계정의 새 비밀번호를 정하십시오.',
  'page.set-password.title': '비밀번호 설정',
  'page.set-password.intro': 'Gatehouse에 로그인할 때 사용할 비밀번호를 정하십시오.',
  'page.accept-invite.title': '초대 수락',
  'page.accept-invite.intro': '프로필을 완성하고 초대받은 Gatehouse 계정에 참여하십시오.',
  'page.field.firstName': '이름',
  'page.field.lastName': '성',
  'page.field.username': '사용자 이름',
  'page.field.username.hint': '영문자, 숫자, 마침표, 하이픈 또는 밑줄로 3~64자.',
  'page.field.password': '비밀번호',
  'page.field.password.hint': '계정의 비밀번호 정책을 따라야 합니다.',
  'page.submit.password': '비밀번호 저장',
  'page.submit.accept': '초대 수락',
  'page.done.title': '완료되었습니다',
  'page.done.password': '비밀번호가 저장되었습니다. 이제 이 비밀번호로 로그인할 수 있습니다.',
  'page.done.accept':
    'Gatehouse에 오신 것을 환영합니다! 계정이 준비되었습니다. 사용자 이름과 비밀번호로 로그인하십시오.',
  'page.error.link':
    '이 링크는 사용할 수 없습니다. 링크가 불완전하거나, 이미 사용되었거나, 만료되었습니다. 계정 관리자에게 새 링크를 요청하십시오.',
  'page.error.form-expired': '이 양식이 만료되었습니다. 다시 제출해 주십시오.',
  'page.error.field': '‘{field}’ 항목을 확인해 주십시오.',
  'page.error.password-policy': '이 비밀번호는 계정의 비밀번호 정책에 맞지 않습니다.',
  'page.error.username-taken': '이미 사용 중인 사용자 이름입니다. 다른 이름을 선택하십시오.',
  'page.error.unavailable': '문제가 발생했습니다. 잠시 후 다시 시도해 주십시오.',
};
