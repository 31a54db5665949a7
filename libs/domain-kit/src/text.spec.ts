import fc from 'fast-check';
import { normaliseName } from './text';

/** The refused code points, written out as ranges independently of the implementation's pattern. */
const refusedRanges: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe007f],
];
const isRefused = (codePoint: number) =>
  refusedRanges.some(([from, to]) => codePoint >= from && codePoint <= to);

describe('normaliseName', () => {
  it('refuses exactly the listed code points, checked over every code point of Unicode', () => {
    const wrong: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const checked = normaliseName(`A${String.fromCodePoint(codePoint)}B`, 10);
      const refused = !checked.ok && checked.rule === 'forbidden-character';
      if (refused !== isRefused(codePoint)) wrong.push(codePoint.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('names the offending code point', () => {
    expect(normaliseName('Ada\u202eecalevol', 100)).toEqual({
      ok: false,
      rule: 'forbidden-character',
      message: expect.stringContaining('U+202E'),
    });
  });

  it('trims surrounding whitespace, no-break spaces included', () => {
    expect(normaliseName(' \u00a0 Ada Lovelace\t\n', 100)).toEqual({ ok: true, value: 'Ada Lovelace' });
  });

  it('composes to NFC', () => {
    expect(normaliseName('Zo\u0065\u0308', 100)).toEqual({ ok: true, value: 'Zo\u00eb' });
  });

  it.each(['', '   ', '\u3000', '\t\n'])('refuses %j as blank', (raw) => {
    expect(normaliseName(raw, 100)).toMatchObject({ ok: false, rule: 'blank' });
  });

  it('counts length in code points after normalising', () => {
    expect(normaliseName('😀'.repeat(3), 3)).toMatchObject({ ok: true });
    expect(normaliseName('😀'.repeat(4), 3)).toMatchObject({ ok: false, rule: 'too-long' });
    expect(normaliseName('e\u0301'.repeat(3), 3)).toMatchObject({ ok: true, value: '\u00e9'.repeat(3) });
  });

  it('is idempotent: an accepted name is accepted again unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (raw) => {
        const once = normaliseName(raw, 100);
        if (!once.ok) return;
        expect(normaliseName(once.value, 100)).toEqual(once);
      }),
      { seed: 11, numRuns: 2000 },
    );
  });

  it('never accepts a forbidden character, whatever surrounds it', () => {
    const refused = fc.constantFrom(...refusedRanges.map(([from]) => String.fromCodePoint(from)));
    fc.assert(
      fc.property(fc.string(), refused, fc.string(), (before, bad, after) => {
        expect(normaliseName(`x${before}${bad}${after}x`, 1000).ok).toBe(false);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
