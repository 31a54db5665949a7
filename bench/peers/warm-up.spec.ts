import { steady } from './warm-up';

describe('a warm-up is steady', () => {
  it('never on fewer than two slices', () => {
    expect(steady([])).toBe(false);
    expect(steady([100])).toBe(false);
  });

  it('not while each slice beats the best before it by more than 5 %', () => {
    expect(steady([261, 517])).toBe(false);
    expect(steady([261, 517, 760, 1234])).toBe(false);
    expect(steady([100, 90, 106])).toBe(false);
  });

  it('once the last slice is within 5 % of the best before it, or slower', () => {
    expect(steady([372, 425, 525, 519])).toBe(true);
    expect(steady([500, 525])).toBe(true);
    expect(steady([100, 90, 104])).toBe(true);
  });
});
