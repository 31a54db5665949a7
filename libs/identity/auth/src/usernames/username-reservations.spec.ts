import { isLegacyReservation, UsernameReservations } from './username-reservations';

const reservations = new UsernameReservations({ reservationKey: 'k'.repeat(43) });

describe('username reservation streams', () => {
  it('are named by a keyed hash of the normalised username, never by the name', () => {
    const id = reservations.streamIdOf(' Ada.Lovelace ');
    expect(id).toMatch(/^username-hmac-[0-9a-f]{64}$/);
    expect(id).toBe(reservations.streamIdOf('ada.lovelace'));
    expect(id).not.toContain('ada');
    expect(reservations.streamIdOf('ada.lovelace2')).not.toBe(id);
  });

  it('depend on the key: without it a stream id cannot be checked against a list of names', () => {
    const other = new UsernameReservations({ reservationKey: 'j'.repeat(43) });
    expect(other.streamIdOf('ada')).not.toBe(reservations.streamIdOf('ada'));
  });

  it('tell a legacy id (the name itself, at most 64 characters) from a hashed one', () => {
    expect(isLegacyReservation(`username-${'a'.repeat(64)}`)).toBe(true);
    expect(isLegacyReservation('username-hmac-x')).toBe(true);
    expect(isLegacyReservation(reservations.streamIdOf('ada'))).toBe(false);
    expect(isLegacyReservation('user-1')).toBe(false);
  });
});
