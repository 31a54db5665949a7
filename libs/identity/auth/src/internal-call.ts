import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SessionConfig } from './session.config';

/** The header a service proves itself with when it calls another's internal endpoint. */
export const INTERNAL_CALL_HEADER = 'x-gatehouse-internal';

/**
 * A service-to-service credential derived from the session key every service already holds, so no
 * further secret has to be distributed: whoever can mint sessions can already act as anyone. Internal
 * endpoints live under `/internal/`, which the gateway never routes.
 */
export const internalCallToken = (sessionKey: string): string =>
  createHmac('sha256', sessionKey).update('gatehouse internal call v1').digest('base64url');

@Injectable()
export class InternalCallGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: SessionConfig) {
    this.expected = Buffer.from(internalCallToken(config.sessionKey));
  }

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[INTERNAL_CALL_HEADER];
    const presented = Buffer.from(typeof given === 'string' ? given : '');
    if (presented.length !== this.expected.length || !timingSafeEqual(presented, this.expected)) {
      throw new UnauthorizedException('internal endpoint: a service credential is required');
    }
    return true;
  }
}
