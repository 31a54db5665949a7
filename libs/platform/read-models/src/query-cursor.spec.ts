import type { RowQuery } from '@gatehouse/read-model-kit';
import { decodeCursor, encodeCursor, InvalidCursor } from './query-cursor';

const query: Omit<RowQuery, 'limit'> = {
  accountId: 'a1',
  search: 'zoe',
  anyOf: [['status:active']],
  ranges: [],
  sort: 'name',
  descending: false,
};

describe('query cursors', () => {
  it('give back the member they were made from, for the same query', () => {
    const cursor = encodeCursor(query, { member: 'zoe smith\u0000u1', served: 50 });
    expect(decodeCursor({ ...query }, cursor)).toEqual({ member: 'zoe smith\u0000u1', served: 50 });
  });

  it('refuse an edited, truncated or foreign cursor', () => {
    const cursor = encodeCursor(query, { member: 'zoe smith\u0000u1', served: 50 });
    const [payload, check] = cursor.split('.');
    const edited = `${Buffer.from('{"m":"a","q":"x"}').toString('base64url')}.${check}`;
    for (const bad of [edited, payload, `${cursor}x`, 'not-a-cursor', `${cursor}.more`])
      expect(() => decodeCursor(query, bad)).toThrow(InvalidCursor);
    expect(() => decodeCursor({ ...query, sort: 'email' }, cursor)).toThrow(InvalidCursor);
    expect(() => decodeCursor({ ...query, accountId: 'a2' }, cursor)).toThrow(InvalidCursor);
  });
});
