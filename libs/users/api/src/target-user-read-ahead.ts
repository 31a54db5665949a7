import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { type DomainEvent, roleAssignmentsStreamId } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { StateCache } from '@gatehouse/event-store';
import { roleAssignmentsView } from '@gatehouse/identity-domain';
import { userDecider, userStreamId } from '@gatehouse/users-domain';
import type { FastifyRequest } from 'fastify';
import { ReadAhead } from '@gatehouse/http';
import { validate as isUuid } from 'uuid';
import { userRecordView } from './get-user/user.view';

const USER = '/v1/accounts/:accountId/users/:userId';
/** The user's stream as a get shows it, and as a command decides on it. */
const shown = userRecordView as View<unknown, DomainEvent>;
const decided = userDecider as View<unknown, DomainEvent>;

/** The routes on one user whose handlers read its streams before anything else, and the view each folds. */
const TARGET_USER_ROUTES = new Map<string, View<unknown, DomainEvent>>([
  [`GET ${USER}`, shown],
  [`PATCH ${USER}`, decided],
  [`PUT ${USER}/contact-info`, decided],
  [`POST ${USER}/disable`, decided],
  [`POST ${USER}/enable`, decided],
  [`POST ${USER}/deletion-request`, decided],
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
export class TargetUserReadAhead extends ReadAhead {
  constructor(
    private readonly states: StateCache,
    http: HttpAdapterHost,
  ) {
    super(http, 'onRequest');
  }

  protected readAhead(request: FastifyRequest): readonly Promise<unknown>[] {
    const view = TARGET_USER_ROUTES.get(`${request.method} ${request.routeOptions.url}`);
    const { userId } = request.params as { userId?: string };
    // A malformed id is refused by the handler's ParseUUIDPipe before any read: none here either.
    if (view === undefined || !isUuid(userId ?? '') || !request.headers.authorization) return [];
    return [
      this.states.load(userStreamId(userId as string), view),
      this.states.load(roleAssignmentsStreamId(userId as string), roleAssignmentsView),
    ];
  }
}
