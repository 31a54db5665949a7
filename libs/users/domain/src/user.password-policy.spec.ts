import { DomainError } from '@gatehouse/domain-kit';
import { assertPasswordPolicy, characterClassesIn } from './user.password-policy';

const codeOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
};

describe('password policy', () => {
  const policy = { minLength: 12, minCharacterClasses: 3 };
  it('counts lowercase, uppercase, digits and everything else', () => {
    expect(characterClassesIn('abc')).toBe(1);
    expect(characterClassesIn('abcDEF')).toBe(2);
    expect(characterClassesIn('abcDEF123')).toBe(3);
    expect(characterClassesIn('abcDEF123 !')).toBe(4);
    expect(characterClassesIn('密码密码密码1a')).toBe(3);
  });
  it('accepts a long password mixing enough classes', () => {
    expect(codeOf(() => assertPasswordPolicy('correct Horse battery', policy))).toBeNull();
  });
  it('names the length rule first, counting characters rather than UTF-16 units', () => {
    expect(codeOf(() => assertPasswordPolicy('Sh0rt!', policy))).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf(() => assertPasswordPolicy('😀😀😀😀😀😀Aa1', policy))).toBe('PASSWORD_TOO_SHORT');
  });
  it('names the variety rule and the field', () => {
    const run = () => assertPasswordPolicy('onlylowercaseletters', policy);
    expect(codeOf(run)).toBe('PASSWORD_TOO_FEW_CHARACTER_CLASSES');
    expect(() => run()).toThrow(expect.objectContaining({ field: 'newPassword' }));
  });
  it('follows a configured policy', () => {
    expect(
      codeOf(() => assertPasswordPolicy('abcdefgh', { minLength: 8, minCharacterClasses: 1 })),
    ).toBeNull();
  });
});
