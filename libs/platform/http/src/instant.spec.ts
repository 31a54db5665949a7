import { isInstant } from './instant';

describe('an instant a request may carry', () => {
  it.each([
    '2026-12-01T12:00:00Z',
    '2026-12-01T12:00:00.123+02:00',
    '2026-12-01',
    '0100-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
  ])('takes %s', (value) => expect(isInstant(value)).toBe(true));
  it.each([
    '20261201',
    '2026-W01',
    '2026-02-30',
    '0000-01-01',
    '+010000-01-01T00:00:00Z',
    'soon',
    '',
    3,
    null,
  ])('refuses %s', (value) => expect(isInstant(value)).toBe(false));
});
