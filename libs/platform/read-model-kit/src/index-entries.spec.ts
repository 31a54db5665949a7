import { compareKeys, fold, rowIdOf, sortMember, timeKey } from './fold';
import { columnKeys, searchTerms, setMemberships, sortKey } from './index-entries';
import type { ReadModelDeclaration } from './read-model.declaration';

const people: ReadModelDeclaration = {
  name: 'people',
  listedBy: 'createdAt',
  columns: { first: 'text', last: 'text', email: 'text', seenAt: 'time' },
  sets: {
    status: { column: 'status', kind: 'value' },
    tag: { column: 'tags', kind: 'each' },
    gone: { column: 'goneAt', kind: 'present' },
  },
  sorts: { name: ['first', 'last'], seen: ['seenAt'] },
  defaultSort: 'name',
  search: [['first', 'last'], ['email']],
};

describe('folding', () => {
  it('ignores case, accents and runs of spaces, so "Zoë" is found by "zoe"', () => {
    expect(fold('  Zoë   ÅNGSTRÖM ')).toBe('zoe angstrom');
    expect(fold('Ḿ\u0301\tx\u0000y')).toBe('m x y');
  });

  it('folds plain ASCII as it folds the rest: lower case, runs of spaces collapsed, ends trimmed', () => {
    expect(fold('  Ada   LOVELACE ')).toBe('ada lovelace');
    expect(fold('Ada.Lovelace+1@Example.COM')).toBe('ada.lovelace+1@example.com');
    expect(fold('a\tb')).toBe('a b');
    expect(fold('')).toBe('');
  });

  it('keys times at a fixed width so text order is time order, never first', () => {
    expect(timeKey(null)).toBe('000000000000000');
    expect(timeKey('2025-01-01T00:00:00.000Z')).toBe('001735689600000');
    expect(compareKeys(timeKey('2001-09-09T01:46:40Z'), timeKey('1999-01-01T00:00:00Z'))).toBeGreaterThan(0);
    expect(() => timeKey('yesterday')).toThrow(RangeError);
  });

  it('compares keys as UTF-8 bytes, as Redis does, not as UTF-16 units', () => {
    expect(compareKeys('\uffff', '😀')).toBeLessThan(0);
    expect('\uffff' < '😀').toBe(false);
    expect(compareKeys(sortMember('ab', 'z'), sortMember('ab c', 'a'))).toBeLessThan(0);
  });

  it('gives back the row id of a sort member, whatever its key holds', () => {
    expect(rowIdOf(sortMember(fold('Ada Lovelace'), 'row-1'))).toBe('row-1');
    expect(rowIdOf(sortMember('', 'row-2'))).toBe('row-2');
  });
});

describe('index entries of a declared row', () => {
  const keys = columnKeys(people, {
    first: 'Zoë',
    last: 'van Dam',
    email: 'Z@x.io',
    seenAt: null,
    other: 'x',
  });

  it('fold the indexed columns a write sets, and only those', () => {
    expect(keys).toEqual({ first: 'zoe', last: 'van dam', email: 'z@x.io', seenAt: '000000000000000' });
  });

  it('join the sort columns by a space', () => {
    expect(sortKey(people, 'name', keys)).toBe('zoe van dam');
    expect(sortKey(people, 'seen', keys)).toBe('000000000000000');
  });

  it('make each search group a term, and each of its words onwards', () => {
    expect(searchTerms(people, keys)).toEqual(['zoe van dam', 'van dam', 'dam', 'z@x.io']);
    expect(searchTerms(people, { first: 'solo' })).toEqual(['solo']);
  });

  it('put the row in a set per value, per list item, and while a column is present', () => {
    expect(setMemberships(people, { status: 'active', tags: ['a', 'b'], goneAt: null })).toEqual([
      'status:active',
      'tag:a',
      'tag:b',
    ]);
    expect(setMemberships(people, { goneAt: '2025-01-01T00:00:00Z' })).toEqual(['gone:yes']);
  });
});
