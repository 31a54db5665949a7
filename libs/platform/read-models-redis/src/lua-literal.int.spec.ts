import { usersListDeclaration } from '@gatehouse/users-list';
import { testEnv } from '@gatehouse/testing';
import { Redis } from 'ioredis';
import { luaLiteral } from './lua-literal';

describe('luaLiteral, read back by Redis’ Lua', () => {
  const redis = new Redis(testEnv.redisUrl);
  afterAll(() => redis.disconnect());
  const roundTrip = async (value: unknown): Promise<unknown> =>
    JSON.parse((await redis.eval(`return cjson.encode(${luaLiteral(value)})`, 0)) as string);

  it('keeps every string exactly: quotes, backslashes, control characters, accents and astral characters', async () => {
    const texts = [
      'plain',
      'a "quoted" \\ path',
      'tab\tline\nNUL\u0000end',
      'Zoë Ångström',
      '😀 ]] ]==] [[',
      '',
    ];
    expect(await roundTrip(texts)).toEqual(texts);
  });

  it('keeps nesting, numbers, booleans and keys that are not Lua names', async () => {
    const value = {
      sorts: { name: ['firstName', 'lastName'] },
      'odd key': [1, 2.5, -3],
      on: true,
      off: false,
    };
    expect(await roundTrip(value)).toEqual(value);
  });

  it('holds a whole read-model declaration as its JSON does', async () => {
    expect(await roundTrip(usersListDeclaration)).toEqual(JSON.parse(JSON.stringify(usersListDeclaration)));
  });

  it('refuses what Lua cannot hold in a table', () => {
    expect(() => luaLiteral([null])).toThrow(TypeError);
    expect(() => luaLiteral(Number.NaN)).toThrow(TypeError);
  });
});
