import { DomainError } from '@gatehouse/domain-kit';
import { InvalidInput } from '@gatehouse/http';
import { pageRefusalOf } from './page-errors';

const labels = { username: 'page.field.username', password: 'page.field.password' } as const;

describe('a refusal read for a page', () => {
  it('reads a refused token, and a rule about the holder, as the one uniform link refusal', () => {
    for (const error of [
      new DomainError('RESET_TOKEN_INVALID', 'unprocessable', 'x', 'token'),
      new DomainError('INVITE_TOKEN_INVALID', 'unprocessable', 'x', 'token'),
      new DomainError('USER_DISABLED', 'conflict', 'x'),
      new InvalidInput([{ field: 'token', rule: 'isLength', message: 'x' }]),
    ])
      expect(pageRefusalOf(error, 'en', labels)).toEqual({ kind: 'link' });
  });

  it('names the field of a broken password rule, in the page language', () => {
    const error = new DomainError('PASSWORD_TOO_SHORT', 'unprocessable', 'x', 'password');
    expect(pageRefusalOf(error, 'fr', labels)).toEqual({
      kind: 'field',
      field: 'password',
      message: 'Ce mot de passe ne respecte pas la politique de mots de passe de votre compte.',
    });
  });

  it('says a username is taken, and names an invalid field by its label', () => {
    const taken = new DomainError('USERNAME_TAKEN', 'conflict', 'x', 'username');
    expect(pageRefusalOf(taken, 'en', labels)).toMatchObject({ field: 'username', message: /already taken/ });
    const invalid = new InvalidInput([{ field: 'username', rule: 'matches', message: 'x' }]);
    expect(pageRefusalOf(invalid, 'de', labels)).toMatchObject({
      field: 'username',
      message: 'Bitte prüfen Sie das Feld „Benutzername“.',
    });
  });

  it('is no refusal for a failure of ours', () => {
    expect(pageRefusalOf(new Error('connection refused'), 'en', labels)).toBeNull();
  });
});
