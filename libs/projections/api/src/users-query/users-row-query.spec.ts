import { timeKey } from '@gatehouse/read-model-kit';
import { usersRowQuery } from './users-row-query';

describe('the users list query as a read-model query', () => {
  it('lists everyone in creation order when nothing is asked', () => {
    expect(usersRowQuery('a1', {})).toEqual({
      accountId: 'a1',
      anyOf: [],
      ranges: [],
      sort: 'created',
      descending: false,
    });
  });

  it('folds the search text and drops it when blank', () => {
    expect(usersRowQuery('a1', { q: ' ZOË ' }).search).toBe('zoe');
    expect(usersRowQuery('a1', { q: '   ' })).not.toHaveProperty('search');
  });

  it('makes one any-of group per filter, a pending deletion being a flag beside the status', () => {
    const query = usersRowQuery('a1', {
      status: ['locked', 'deletion-requested'],
      role: ['support', 'custom-1'],
      language: ['fr'],
    });
    expect(query.anyOf).toEqual([
      ['status:locked', 'deletionRequested:yes'],
      ['role:support', 'role:custom-1'],
      ['language:fr'],
    ]);
  });

  it('turns strict last-login bounds into inclusive key ranges a millisecond inside, excluding never', () => {
    const query = usersRowQuery('a1', {
      lastLoginAfter: '2025-01-01T00:00:00.000Z',
      lastLoginBefore: '2025-02-01T00:00:00.000Z',
    });
    expect(query.ranges).toEqual([
      {
        sort: 'lastLogin',
        min: timeKey('2025-01-01T00:00:00.001Z'),
        max: timeKey('9999-12-31T23:59:59.999Z'),
      },
      {
        sort: 'lastLogin',
        min: timeKey('1970-01-01T00:00:00.001Z'),
        max: timeKey('2025-01-31T23:59:59.999Z'),
      },
    ]);
  });

  it('matches only the zero key for never, and nothing for a bound before 1970', () => {
    expect(usersRowQuery('a1', { neverLoggedIn: true }).ranges).toEqual([
      { sort: 'lastLogin', min: timeKey(null), max: timeKey(null) },
    ]);
    const [range] = usersRowQuery('a1', { lastLoginBefore: '1960-01-01T00:00:00Z' }).ranges;
    expect(range.max < range.min).toBe(true);
  });

  it('sorts as asked', () => {
    expect(usersRowQuery('a1', { sort: 'lastLogin', order: 'desc' })).toMatchObject({
      sort: 'lastLogin',
      descending: true,
    });
  });
});
