import type { FastifyRequest } from 'fastify';
import { credentialOf } from './credentials';

const withHeader = (authorization?: string) => ({ headers: { authorization } }) as unknown as FastifyRequest;
const basic = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`;

describe('the credential of a request', () => {
  it('is a bearer token', () => {
    expect(credentialOf(withHeader('Bearer ghs.a.b.c'))).toEqual({ scheme: 'bearer', token: 'ghs.a.b.c' });
    expect(credentialOf(withHeader('bearer ghk_x'))).toEqual({ scheme: 'bearer', token: 'ghk_x' });
  });
  it('is a basic username and password, split at the first colon', () => {
    expect(credentialOf(withHeader(basic('ada:pass:word')))).toEqual({
      scheme: 'basic',
      username: 'ada',
      password: 'pass:word',
    });
    expect(credentialOf(withHeader(basic('zoë:pässwörd')))).toMatchObject({ username: 'zoë' });
  });
  it.each([
    [undefined],
    [''],
    ['Digest abc'],
    ['Basic'],
    ['Basic not*base64'],
    ['Basic YWRh'], // "ada": no colon
    [basic(':password')],
    [basic('ada:')],
    [basic(`${'a'.repeat(65)}:password`)],
    [basic(`ada:${'p'.repeat(129)}`)],
    ['Bearer a b'],
  ])('is none for %j', (header) => {
    expect(credentialOf(withHeader(header))).toBeNull();
  });
});
