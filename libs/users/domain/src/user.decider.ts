import type {
  LoginChannel,
  UserCreated,
  UserDetailsUpdated,
  UserEvent,
  UserLoginSucceeded,
  UserProfile,
  UserSessionEnded,
} from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { UserErrors } from './user.errors';

export type EditableDetails = Pick<UserProfile, 'firstName' | 'lastName' | 'language' | 'timeZone'>;

export type UserCommand =
  | {
      readonly type: 'CreateUser';
      readonly userId: string;
      readonly accountId: string;
      readonly profile: UserProfile;
    }
  | {
      readonly type: 'UpdateUserDetails';
      readonly accountId: string;
      readonly changes: Partial<EditableDetails>;
    }
  | {
      readonly type: 'RecordLoginSuccess';
      readonly sessionId: string;
      readonly ip: string;
      readonly channel: LoginChannel;
    }
  | { readonly type: 'EndSession'; readonly sessionId: string };

export type UserState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active';
      readonly userId: string;
      readonly accountId: string;
      readonly profile: UserProfile;
      readonly sessions: ReadonlySet<string>;
    };

export const initialUserState = (): UserState => ({ status: 'none' });

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  if (command.type === 'CreateUser') {
    if (state.status !== 'none') throw UserErrors.alreadyExists();
    const { userId, accountId, profile } = command;
    return [{ type: 'UserCreated', data: { userId, accountId, ...profile } } satisfies UserCreated];
  }
  if (state.status === 'none') throw UserErrors.notFound();
  switch (command.type) {
    case 'UpdateUserDetails':
      if (state.accountId !== command.accountId) throw UserErrors.notFound();
      return [detailsUpdated(state.userId, state.profile, command.changes)];
    case 'RecordLoginSuccess':
      return [
        {
          type: 'UserLoginSucceeded',
          data: {
            userId: state.userId,
            sessionId: command.sessionId,
            ip: command.ip,
            channel: command.channel,
          },
        } satisfies UserLoginSucceeded,
      ];
    case 'EndSession':
      if (!state.sessions.has(command.sessionId)) throw UserErrors.sessionNotFound();
      return [
        {
          type: 'UserSessionEnded',
          data: { userId: state.userId, sessionId: command.sessionId, reason: 'logout' },
        } satisfies UserSessionEnded,
      ];
    default:
      return assertNever(command);
  }
}

function detailsUpdated(
  userId: string,
  profile: UserProfile,
  changes: Partial<EditableDetails>,
): UserDetailsUpdated {
  const changed = (Object.keys(changes) as (keyof EditableDetails)[]).filter(
    (field) => changes[field] !== undefined && changes[field] !== profile[field],
  );
  if (changed.length === 0) throw UserErrors.nothingToChange();
  const diff = Object.fromEntries(
    changed.map((field) => [field, { from: profile[field], to: changes[field] }]),
  );
  return { type: 'UserDetailsUpdated', data: { userId, changes: diff } };
}

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserCreated': {
      const { userId, accountId, ...profile } = event.data;
      return { status: 'active', userId, accountId, profile, sessions: new Set() };
    }
    case 'UserDetailsUpdated': {
      if (state.status === 'none') return state;
      const updates = Object.fromEntries(
        Object.entries(event.data.changes).map(([field, c]) => [field, c?.to]),
      );
      return { ...state, profile: { ...state.profile, ...updates } };
    }
    case 'UserLoginSucceeded':
      if (state.status === 'none') return state;
      return { ...state, sessions: new Set([...state.sessions, event.data.sessionId]) };
    case 'UserSessionEnded': {
      if (state.status === 'none') return state;
      const sessions = new Set(state.sessions);
      sessions.delete(event.data.sessionId);
      return { ...state, sessions };
    }
    default:
      return assertNever(event);
  }
}

export const userDecider: Decider<UserCommand, UserState, UserEvent> = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: initialUserState,
};

export const userStreamId = (userId: string): string => `user-${userId}`;
