import { jsonDepthExceeds } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonDepthExceeds', () => {
  it('counts nested arrays and objects', () => {
    expect(jsonDepthExceeds(bytes('{"a":[{"b":1}]}'), 3)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    expect(jsonDepthExceeds(bytes('[[1],[2],[3],{"a":1}]'), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds(bytes('{"a":"[[[[{{{{"}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":"\\"[[[[","b":1}'), 1)).toBe(false);
    expect(jsonDepthExceeds(bytes('{"a":"\\\\","b":[[1]]}'), 2)).toBe(true);
  });

  it('scans tens of thousands of levels without recursion', () => {
    const deep = '['.repeat(40_000) + ']'.repeat(40_000);
    expect(jsonDepthExceeds(bytes(deep), 8)).toBe(true);
    expect(jsonDepthExceeds(bytes(deep), 40_000)).toBe(false);
  });

  it('accepts scalars and empty bodies', () => {
    expect(jsonDepthExceeds(bytes('"x"'), 0)).toBe(false);
    expect(jsonDepthExceeds(bytes(''), 0)).toBe(false);
  });
});
