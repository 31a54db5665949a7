import { UpstreamPool, upstreamPool } from './upstream-pool';

describe('an upstream pool', () => {
  const urls = ['http://a', 'http://b', 'http://c'];

  it('takes its instances in turn', () => {
    const pool = new UpstreamPool(urls);
    expect(Array.from({ length: 6 }, () => pool.pick())).toEqual([...urls, ...urls]);
  });

  it('offers each instance once per request, then nothing', () => {
    const pool = new UpstreamPool(urls);
    const tried = new Set<string>();
    for (let n = 0; n < 3; n++) tried.add(pool.pick(tried) as string);
    expect(tried).toEqual(new Set(urls));
    expect(pool.pick(tried)).toBeUndefined();
  });

  describe('when an instance refused a connection', () => {
    let now = 0;
    const pool = new UpstreamPool(urls, 1000, () => now);
    pool.refused('http://b');

    it('passes it over during the cool-down', () => {
      expect(Array.from({ length: 4 }, () => pool.pick())).toEqual([
        'http://a',
        'http://c',
        'http://c',
        'http://a',
      ]);
    });

    it('still offers it when every other instance was tried', () => {
      expect(pool.pick(new Set(['http://a', 'http://c']))).toBe('http://b');
    });

    it('takes it in turn again after the cool-down', () => {
      now = 1000;
      expect(Array.from({ length: 3 }, () => pool.pick()).sort()).toEqual(urls);
    });
  });

  it('reads a comma-separated list, trimming spaces and trailing slashes', () => {
    expect(upstreamPool('http://a:1/, http://b:2').urls).toEqual(['http://a:1', 'http://b:2']);
  });

  it('refuses an empty list and URLs that are not http', () => {
    expect(() => upstreamPool(' , ')).toThrow('at least one URL');
    expect(() => upstreamPool('ftp://a')).toThrow('not http(s)');
    expect(() => upstreamPool('a:1')).toThrow();
  });
});
