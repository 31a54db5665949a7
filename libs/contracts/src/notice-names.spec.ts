import { noticeNamesOf, UserCreatedNotices } from './notice-names';

describe('noticeNamesOf', () => {
  const created = (data: object) => ({ type: 'UserCreated', data: { userId: 'u', accountId: 'a', ...data } });
  const invite = (accessControls: object | null) => ({ inviteId: 'i', accessControls });

  it('names the type alone for an event of a type with no tags', () => {
    expect(noticeNamesOf({ type: 'UserLoginSucceeded', data: { userId: 'u' } })).toEqual([
      'UserLoginSucceeded',
    ]);
  });

  it('names a user created without roles or invite by its type alone', () => {
    expect(noticeNamesOf(created({}))).toEqual(['UserCreated']);
    expect(noticeNamesOf(created({ roles: [] }))).toEqual(['UserCreated']);
  });

  it('names a user created with roles as such', () => {
    expect(noticeNamesOf(created({ roles: ['developer'] }))).toEqual([
      'UserCreated',
      UserCreatedNotices.withRoles,
    ]);
  });

  it('names a user an admin created with access controls', () => {
    expect(noticeNamesOf(created({ accessControls: { apiAccess: ['http'] } }))).toEqual([
      'UserCreated',
      UserCreatedNotices.withAccess,
    ]);
  });

  it('names an invited user, and one whose invite chose access controls', () => {
    expect(noticeNamesOf(created({ invite: invite(null) }))).toEqual([
      'UserCreated',
      UserCreatedNotices.invited,
    ]);
    expect(noticeNamesOf(created({ roles: ['owner'], invite: invite({ ipSafelist: [] }) }))).toEqual([
      'UserCreated',
      UserCreatedNotices.withRoles,
      UserCreatedNotices.invited,
      UserCreatedNotices.invitedWithAccess,
    ]);
  });
});
