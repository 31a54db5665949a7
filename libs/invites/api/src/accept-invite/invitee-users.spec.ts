import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InvitedUserRequest } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { InvalidInput, RequestRefused } from '@gatehouse/http';
import { InviteeUsersOverHttp } from './invitee-users';

/** A users service that answers every create with the status and problem body given. */
function usersAnswering(status: number, body: unknown): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume().on('end', () => {
      response.writeHead(status, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify(body));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const context = { accountId: 'a1', actor: 'i1', correlationId: 'c1', causationId: null, now: new Date() };
const request = { inviteId: 'i1' } as unknown as InvitedUserRequest;

describe('the users service, as the invites context calls it over HTTP', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));
  const refusalOf = async (status: number, body: unknown): Promise<unknown> => {
    server = await usersAnswering(status, body);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new InviteeUsersOverHttp(url, 'secret-for-test').create(request, context).catch((error) => error);
  };

  it('passes on a 400 naming each field and rule, as a direct call would answer', async () => {
    const errors = [
      { field: 'timeZone', rule: 'isIanaTimeZone', message: 'timeZone must be an IANA time zone' },
    ];
    const refusal = await refusalOf(400, { status: 400, code: 'INVALID_INPUT', errors });
    expect(refusal).toBeInstanceOf(InvalidInput);
    expect((refusal as InvalidInput).fields).toEqual(errors);
  });
  it('passes on a rule refusal as the same domain error, and a 503 as retryable', async () => {
    const taken = await refusalOf(409, {
      code: 'USERNAME_TAKEN',
      title: 'taken',
      errors: [{ field: 'username' }],
    });
    expect(taken).toEqual(
      expect.objectContaining({ code: 'USERNAME_TAKEN', kind: 'conflict', field: 'username' }),
    );
    expect(taken).toBeInstanceOf(DomainError);
    await new Promise<void>((done) => server?.close(() => done()));
    const pending = await refusalOf(503, { code: 'INVITED_ACCESS_PENDING', title: 'pending' });
    expect(pending).toBeInstanceOf(RequestRefused);
    expect(pending).toEqual(expect.objectContaining({ status: 503, code: 'INVITED_ACCESS_PENDING' }));
  });
  it('fails the call on anything else', async () => {
    const failure = await refusalOf(500, { code: 'INTERNAL' });
    expect(failure).toEqual(new Error("users service answered 500 to the invited user's creation"));
  });
});
