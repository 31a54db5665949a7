import { canonicalSafelist } from './canonical-safelist';

describe('a safelist as given', () => {
  it('drops repeats written differently, keeping the first label', () => {
    expect(
      canonicalSafelist([
        { address: '2001:DB8::1', label: 'office' },
        { address: '2001:db8:0::1/128', label: 'again' },
        { address: '::ffff:10.0.0.1' },
        { address: '10.0.0.1', label: 'dup' },
      ]),
    ).toEqual([
      { address: '2001:db8::1', label: 'office' },
      { address: '10.0.0.1', label: null },
    ]);
  });
  it('keeps blank labels as none and refuses long ones', () => {
    expect(canonicalSafelist([{ address: '10.0.0.1', label: '  ' }])).toEqual([
      { address: '10.0.0.1', label: null },
    ]);
    expect(() => canonicalSafelist([{ address: '10.0.0.1', label: 'x'.repeat(61) }])).toThrow(
      expect.objectContaining({ code: 'IP_LABEL_TOO_LONG' }),
    );
  });
});
