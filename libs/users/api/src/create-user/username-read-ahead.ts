import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { StateCache } from '@gatehouse/event-store';
import { UsernameReservations } from '@gatehouse/identity';
import { usernameDecider } from '@gatehouse/users-domain';
import type { FastifyRequest } from 'fastify';
import { ReadAhead } from '@gatehouse/http';

const CREATE = 'POST /v1/accounts/:accountId/users';
/** Longer is refused by the body's validation before any command; the read is not worth making. */
const MAX_USERNAME = 64;

/**
 * Asks for the reservation of the username a create names once its body is parsed, before the guard asks
 * for the caller's streams: the state cache reads them in one round trip, and the create's first try
 * decides on that read (see CreateUserHandler). Only for a request that brings a credential; whether the
 * caller may create users, and whether the username is valid, is still decided after authentication.
 * A failed read here is no news: the create reads again.
 */
@Injectable()
export class UsernameReadAhead extends ReadAhead {
  constructor(
    private readonly states: StateCache,
    private readonly reservations: UsernameReservations,
    http: HttpAdapterHost,
  ) {
    super(http, 'preHandler');
  }

  protected readAhead(request: FastifyRequest): readonly Promise<unknown>[] {
    if (`${request.method} ${request.routeOptions.url}` !== CREATE || !request.headers.authorization)
      return [];
    const { username } = (request.body ?? {}) as { username?: unknown };
    if (typeof username !== 'string' || username.length === 0 || username.length > MAX_USERNAME) return [];
    return [this.states.load(this.reservations.streamIdOf(username), usernameDecider)];
  }
}
