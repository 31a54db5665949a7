import { validateSync } from 'class-validator';
import { IsNameLength } from './name-length';

class Named {
  @IsNameLength(1, 100) name: unknown;
  constructor(name: unknown) {
    this.name = name;
  }
}

const rulesBroken = (name: unknown) =>
  validateSync(new Named(name)).flatMap((error) => Object.keys(error.constraints ?? {}));

describe('a name length', () => {
  it('counts code points: 100 letters outside the BMP pass, as the domain allows them', () => {
    const hundred = '𠀀'.repeat(100);
    expect(hundred.length).toBe(200);
    expect(rulesBroken(hundred)).toEqual([]);
    expect(rulesBroken('a'.repeat(100))).toEqual([]);
  });
  it('refuses none, 101 code points and non-strings under the rule clients know', () => {
    expect(rulesBroken('')).toEqual(['isLength']);
    expect(rulesBroken('𠀀'.repeat(101))).toEqual(['isLength']);
    expect(rulesBroken(42)).toEqual(['isLength']);
  });
});
