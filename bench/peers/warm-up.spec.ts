import { steady } from './warm-up';

describe('a warm-up is steady', () => {
  it('never on fewer than three slices', () => {
    expect(steady([])).toBe(false);
    expect(steady([100])).toBe(false);
    expect(steady([100, 100])).toBe(false);
  });

  it('not while either of the last two slices beats the best before it by more than 5 %', () => {
    expect(steady([261, 517, 760, 1234])).toBe(false);
    expect(steady([296, 359, 458, 588, 748, 879, 985, 991])).toBe(false);
    expect(steady([100, 90, 106, 100])).toBe(false);
    expect(steady([100, 100, 90, 106])).toBe(false);
  });

  it('once the last two slices are each within 5 % of the best before them, or slower', () => {
    expect(steady([372, 425, 525, 519, 530])).toBe(true);
    expect(steady([500, 525, 510])).toBe(true);
    expect(steady([100, 90, 104, 95])).toBe(true);
  });
});
