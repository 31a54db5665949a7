import { fold, type KeyRange, type RowQuery, timeKey } from '@gatehouse/read-model-kit';
import type { UsersQueryDto } from './users-query.dto';

const END_OF_TIME = Date.parse('9999-12-31T23:59:59.999Z');
const NEVER = timeKey(null);
const NEVER_ISO = new Date(0).toISOString();

/** The time key `shift` ms from `iso`, kept between "never" and year 9999 so any valid date has one. */
const keyNear = (iso: string, shift: number): string =>
  timeKey(new Date(Math.min(Math.max(Date.parse(iso) + shift, 0), END_OF_TIME)).toISOString());

/**
 * The users list's HTTP query as a read-model query: statuses, roles and languages become set groups
 * (any of within a group, all groups at once), last-login bounds become inclusive key ranges on the
 * last-login sort (strict bounds moved by a millisecond, the key's unit; "never" is the zero key),
 * and the search text is folded as the index folds names.
 */
export function usersRowQuery(accountId: string, query: UsersQueryDto): Omit<RowQuery, 'limit' | 'after'> {
  const anyOf = [
    (query.status ?? []).map((status) =>
      status === 'deletion-requested' ? 'deletionRequested:yes' : `status:${status}`,
    ),
    (query.role ?? []).map((role) => `role:${role}`),
    (query.language ?? []).map((language) => `language:${language}`),
  ].filter((group) => group.length > 0);
  const ranges: KeyRange[] = [];
  if (query.neverLoggedIn) ranges.push({ sort: 'lastLogin', min: NEVER, max: NEVER });
  if (query.lastLoginAfter)
    ranges.push({
      sort: 'lastLogin',
      min: keyNear(query.lastLoginAfter, 1),
      max: timeKey(new Date(END_OF_TIME).toISOString()),
    });
  if (query.lastLoginBefore)
    ranges.push({ sort: 'lastLogin', min: keyNear(NEVER_ISO, 1), max: keyNear(query.lastLoginBefore, -1) });
  const search = fold(query.q ?? '');
  return {
    accountId,
    ...(search === '' ? {} : { search }),
    anyOf,
    ranges,
    sort: query.sort ?? 'created',
    descending: query.order === 'desc',
  };
}
