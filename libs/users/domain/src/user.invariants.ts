import { DomainError } from '@gatehouse/domain-kit';
import { validProfile } from './user.profile';
import type { UserState } from './user.state';

/**
 * What must hold of a user however its stream came about, checked by folding the stream (the fuzz suite
 * does after every accepted request): the profile is one the create rules would store unchanged, and
 * nobody disabled or locked keeps a session. Returns what is broken, empty when nothing is.
 */
export function userInvariantViolations(state: UserState): string[] {
  if (state.status === 'none') return [];
  const violations: string[] = [];
  try {
    const valid = validProfile(state.profile);
    for (const [field, value] of Object.entries(valid)) {
      if (state.profile[field as keyof typeof valid] !== value)
        violations.push(
          `${field} is not in its canonical form: ${JSON.stringify(state.profile[field as keyof typeof valid])}`,
        );
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    violations.push(`${error.code}: ${error.message}`);
  }
  if ((state.disabled || state.locked) && state.sessions.size > 0)
    violations.push(`a ${state.status} user holds ${state.sessions.size} session(s)`);
  const status = state.disabled ? 'disabled' : state.locked ? 'locked' : 'active';
  if (state.status !== status) violations.push(`status ${state.status} should be ${status}`);
  return violations;
}
