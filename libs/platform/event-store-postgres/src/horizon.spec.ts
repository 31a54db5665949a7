import { horizonParameters, widenXid } from './horizon';

describe('widening a 32-bit xid against the next xid8', () => {
  it('keeps xids of the same epoch', () => {
    expect(widenXid('727', '730')).toBe('727');
    expect(widenXid('4294967295', '4294967296')).toBe('4294967295');
  });

  it('puts an xid of the previous epoch before an epoch boundary', () => {
    // next = epoch 1, xid 5; an appender that started just before the wrap shows as 4294967290
    expect(widenXid('4294967290', String(2n ** 32n + 5n))).toBe('4294967290');
  });

  it('puts an xid handed out after the first look after next, across a wrap', () => {
    expect(widenXid('3', String(2n ** 32n - 2n))).toBe(String(2n ** 32n + 3n));
    expect(widenXid('1005', '1000')).toBe('1005');
  });

  it('keeps a far epoch', () => {
    const next = 7n * 2n ** 32n + 100n;
    expect(widenXid('90', String(next))).toBe(String(next - 10n));
  });
});

describe('horizon parameters', () => {
  it('widens every appender and passes next on', () => {
    expect(horizonParameters({ next: '1000', appenders: ['998', '999'] })).toEqual([['998', '999'], '1000']);
    expect(horizonParameters({ next: '1000', appenders: [] })).toEqual([[], '1000']);
  });
});
