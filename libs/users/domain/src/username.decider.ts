import type { UsernameEvent } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { UserErrors } from './user.errors';

/**
 * Usernames are unique across the platform (they are login names). Uniqueness is kept by a stream per
 * normalised username (named by a keyed hash of it, never by the name: see the users API's
 * UsernameReservations): the first reservation wins through optimistic concurrency.
 */
export type ReserveUsername = {
  readonly type: 'ReserveUsername';
  readonly username: string;
  readonly userId: string;
};

export type UsernameState =
  | { readonly status: 'free' }
  | { readonly status: 'reserved'; readonly userId: string };

export const usernameDecider: Decider<ReserveUsername, UsernameState, UsernameEvent> = {
  initialState: () => ({ status: 'free' }),
  decide(command, state) {
    if (state.status === 'reserved') {
      if (state.userId === command.userId) return [];
      throw UserErrors.usernameTaken();
    }
    return [{ type: 'UsernameReserved', data: { username: command.username, userId: command.userId } }];
  },
  evolve: (_state, event) => ({ status: 'reserved', userId: event.data.userId }),
};
