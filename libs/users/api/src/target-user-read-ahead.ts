import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type DomainEvent, roleAssignmentsStreamId } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { StateCache } from '@gatehouse/event-store';
import { roleAssignmentsView } from '@gatehouse/identity-domain';
import { userDecider, userStreamId } from '@gatehouse/users-domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { userRecordView } from './get-user/user.view';

const USER = '/v1/accounts/:accountId/users/:userId';
/** As ParseUUIDPipe takes it: anything else is refused before any read. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The routes on one user whose handlers read that user's streams before anything else, with the view of
 * the user's stream each reads: the one a get shows, or the decider a command runs.
 */
const TARGET_USER_ROUTES = new Map<string, View<unknown, DomainEvent>>([
  [`GET ${USER}`, userRecordView as View<unknown, DomainEvent>],
  [`PATCH ${USER}`, userDecider as View<unknown, DomainEvent>],
  [`PUT ${USER}/contact-info`, userDecider as View<unknown, DomainEvent>],
  [`POST ${USER}/disable`, userDecider as View<unknown, DomainEvent>],
  [`POST ${USER}/enable`, userDecider as View<unknown, DomainEvent>],
  [`POST ${USER}/deletion-request`, userDecider as View<unknown, DomainEvent>],
]);

/**
 * Asks for the target user's streams as the request arrives, before the guard asks for the caller's: the
 * state cache catches them up in the same round trip, and the handler's `request` loads of them are
 * answered by that read instead of a second one. Only for a request that brings a credential and a
 * well-formed id; what the caller may see is still decided by the handler, after authentication, and a
 * forged credential costs one read of two streams (less than a refused login). A failed read here is no
 * news: the handler's own load reads again.
 */
@Injectable()
export class TargetUserReadAhead implements OnModuleInit {
  constructor(
    private readonly states: StateCache,
    private readonly http: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', (request, _reply, done) => {
      this.readAhead(request);
      done();
    });
  }

  private readAhead(request: FastifyRequest): void {
    const view = TARGET_USER_ROUTES.get(`${request.method} ${request.routeOptions.url}`);
    const { userId } = request.params as { userId?: string };
    if (view === undefined || !UUID.test(userId ?? '') || !request.headers.authorization) return;
    const reads = [
      this.states.load(userStreamId(userId as string), view),
      this.states.load(roleAssignmentsStreamId(userId as string), roleAssignmentsView),
    ];
    for (const read of reads) read.catch(() => undefined);
  }
}
