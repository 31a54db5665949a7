import type { UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { deciderSpec } from '@gatehouse/testing';
import fc from 'fast-check';
import { userDecider } from './user.decider';
import { created, profile } from './user.fixtures';
import { userInvariantViolations } from './user.invariants';

const spec = deciderSpec(userDecider);
const create = (overrides: Record<string, unknown>) =>
  ({ type: 'CreateUser', userId: 'u1', accountId: 'a1', profile: { ...profile, ...overrides } }) as never;
const edit = (changes: Record<string, unknown>) =>
  ({ type: 'UpdateUserDetails', accountId: 'a1', changes, actorIsAccountAdmin: true }) as never;
const contact = (email: unknown, mobile: unknown) =>
  ({ type: 'ChangeContactInfo', accountId: 'a1', email, mobile }) as never;

describe('user profile rules', () => {
  describe('when a user is created', () => {
    it('stores names NFC-normalised and trimmed', () => {
      spec
        .given([])
        .when(create({ firstName: '  Zoe\u0308 ', lastName: '\u00a0Lovelace' }))
        .then([{ ...created, data: { ...created.data, firstName: 'Zo\u00eb', lastName: 'Lovelace' } }]);
    });

    it.each([
      ['firstName', null],
      ['firstName', '   '],
      ['lastName', undefined],
      ['lastName', ''],
      ['email', null],
      ['email', ' '],
      ['username', null],
      ['timeZone', ''],
      ['language', null],
    ])('refuses %s = %j with 422 USER_FIELD_REQUIRED naming it', (field, value) => {
      expect(() => userDecider.decide(create({ [field]: value }), userDecider.initialState())).toThrow(
        expect.objectContaining({ code: 'USER_FIELD_REQUIRED', field, kind: 'unprocessable' }),
      );
    });

    it.each(['Ada\u0000', 'Ada\u202eecalevol', 'A\u200bda', 'Ada\u2066', 'Ad\u0007a', 'A\u{E0041}da'])(
      'refuses the name %j with USER_NAME_FORBIDDEN_CHARACTER',
      (firstName) => {
        spec.given([]).when(create({ firstName })).thenThrows('USER_NAME_FORBIDDEN_CHARACTER');
      },
    );

    it('refuses a name over 100 characters', () => {
      spec
        .given([])
        .when(create({ lastName: 'x'.repeat(101) }))
        .thenThrows('USER_NAME_TOO_LONG');
    });

    it('refuses an unsupported language and a mobile that is not E.164', () => {
      spec
        .given([])
        .when(create({ language: 'xx' }))
        .thenThrows('LANGUAGE_UNSUPPORTED');
      spec
        .given([])
        .when(create({ mobile: '0800 123' }))
        .thenThrows('MOBILE_INVALID');
    });
  });

  describe('when details are edited', () => {
    it.each(['firstName', 'lastName', 'language', 'timeZone'])(
      'refuses %s set to null or blank with 422 naming the field',
      (field) => {
        for (const value of [null, '', '  \t']) {
          expect(() =>
            userDecider.decide(
              edit({ [field]: value }),
              fold(userDecider.evolve, userDecider.initialState(), [created]),
            ),
          ).toThrow(expect.objectContaining({ code: 'USER_FIELD_REQUIRED', field }));
        }
      },
    );

    it('records the normalised name, and nothing when only the spelling of the same name differs', () => {
      spec
        .given([created])
        .when(edit({ firstName: ' Zoe\u0308' }))
        .then([
          {
            type: 'UserDetailsUpdated',
            data: { userId: 'u1', changes: { firstName: { from: 'Ada', to: 'Zo\u00eb' } } },
          },
        ]);
      spec
        .given([created])
        .when(edit({ firstName: ' Ada ' }))
        .thenThrows('USER_DETAILS_UNCHANGED');
    });

    it('refuses a forbidden character in a name', () => {
      spec
        .given([created])
        .when(edit({ lastName: 'Love\u202elace' }))
        .thenThrows('USER_NAME_FORBIDDEN_CHARACTER');
    });
  });

  describe('when contact info changes', () => {
    it('refuses a blank email and a malformed mobile', () => {
      spec.given([created]).when(contact('  ', null)).thenThrows('USER_FIELD_REQUIRED');
      spec.given([created]).when(contact('x@example.com', '')).thenThrows('MOBILE_INVALID');
    });
  });
});

describe('user invariants', () => {
  it('hold for a created user', () => {
    expect(userInvariantViolations(fold(userDecider.evolve, userDecider.initialState(), [created]))).toEqual(
      [],
    );
  });

  it('report a stream that nulled a required field (as accepted before issue 11)', () => {
    const nulled = {
      type: 'UserDetailsUpdated',
      data: { userId: 'u1', changes: { firstName: { from: 'Ada', to: null } } },
    } as unknown as UserEvent;
    const state = fold(userDecider.evolve, userDecider.initialState(), [created, nulled]);
    expect(userInvariantViolations(state)).toEqual([expect.stringContaining('USER_FIELD_REQUIRED')]);
  });

  it('report a name stored outside its canonical form', () => {
    const spaced = { ...created, data: { ...created.data, lastName: ' Lovelace' } };
    expect(userInvariantViolations(fold(userDecider.evolve, userDecider.initialState(), [spaced]))).toEqual([
      expect.stringContaining('lastName'),
    ]);
  });

  it('hold after any sequence of accepted edits, whatever the edits carry', () => {
    const anyValue = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('en', 'de', 'xx', 'Europe/Berlin', ' Ada ', 'Zoe\u0308'),
    );
    const anyEdit = fc.record({
      firstName: anyValue,
      lastName: anyValue,
      language: anyValue,
      timeZone: anyValue,
    });
    fc.assert(
      fc.property(fc.array(anyEdit, { maxLength: 8 }), (edits) => {
        let state = fold(userDecider.evolve, userDecider.initialState(), [created]);
        for (const changes of edits) {
          try {
            state = fold(userDecider.evolve, state, userDecider.decide(edit(changes), state));
          } catch (error) {
            expect(error).toHaveProperty('kind', 'unprocessable');
          }
          expect(userInvariantViolations(state)).toEqual([]);
        }
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
