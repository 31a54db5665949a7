import { timeZoneCase } from './time-zone';

describe("a time zone's spelling", () => {
  it.each([
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/LONDON', 'Europe/London'],
    ['utc', 'UTC'],
    ['etc/gmt+5', 'Etc/GMT+5'],
    ['Europe/Berlin', 'Europe/Berlin'],
  ])('takes %s as Intl spells it: %s', (typed, stored) => expect(timeZoneCase(typed)).toBe(stored));

  it.each(['US/Pacific', 'EST5EDT', 'Not/AZone', ''])('keeps %s as typed (a link, or no zone)', (typed) =>
    expect(timeZoneCase(typed)).toBe(typed),
  );
});
