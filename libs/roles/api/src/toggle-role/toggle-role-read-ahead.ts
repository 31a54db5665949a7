import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { accountAdminsStreamId, roleAssignmentsStreamId, userStreamId } from '@gatehouse/contracts';
import { StateCache } from '@gatehouse/event-store';
import { ReadAhead } from '@gatehouse/http';
import { principalUserView } from '@gatehouse/identity-domain';
import { accountAdminsDecider, roleAssignmentsDecider } from '@gatehouse/roles-domain';
import type { FastifyRequest } from 'fastify';
import { validate as isUuid } from 'uuid';

const TOGGLE = '/v1/accounts/:accountId/users/:userId/roles/:roleId';

/**
 * Asks for the streams a role toggle reads, as the request arrives and before the guard asks for the
 * caller's: the target user (does it exist in this account), the target's assignments and the account's
 * admins (what the toggle decides on). The state cache reads them all in the caller's round trip, and the
 * handler's `request` loads are answered by it (as TargetUserReadAhead does for the users context). Only
 * for a request with a credential and well-formed ids; the handler still decides what the caller may do.
 */
@Injectable()
export class ToggleRoleReadAhead extends ReadAhead {
  constructor(
    private readonly states: StateCache,
    http: HttpAdapterHost,
  ) {
    super(http, 'onRequest');
  }

  protected readAhead(request: FastifyRequest): readonly Promise<unknown>[] {
    if (request.method !== 'PUT' || request.routeOptions.url !== TOGGLE) return [];
    const { accountId = '', userId = '' } = request.params as { accountId?: string; userId?: string };
    if (!isUuid(accountId) || !isUuid(userId) || !request.headers.authorization) return [];
    return [
      this.states.load(userStreamId(userId), principalUserView),
      this.states.load(roleAssignmentsStreamId(userId), roleAssignmentsDecider),
      this.states.load(accountAdminsStreamId(accountId), accountAdminsDecider),
    ];
  }
}
