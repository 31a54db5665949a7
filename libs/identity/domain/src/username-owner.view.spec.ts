import { fold } from '@gatehouse/domain-kit';
import { normaliseUsername, usernameOwnerView } from './username-owner.view';

describe('the owner of a username', () => {
  it('is nobody until the username is reserved', () => {
    expect(usernameOwnerView.initialState()).toBeNull();
  });
  it('is the user who reserved it', () => {
    const reserved = { type: 'UsernameReserved' as const, data: { username: 'Ada', userId: 'u1' } };
    expect(fold(usernameOwnerView.evolve, usernameOwnerView.initialState(), [reserved])).toEqual({
      userId: 'u1',
    });
  });
  it('is found whatever the case or surrounding spaces of the name', () => {
    expect(normaliseUsername(' ADA ')).toBe('ada');
  });
});
