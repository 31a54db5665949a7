import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The token the operator issues to platform services (an SMPP server, another HTTP API, an nginx in
 * front of one) that ask whether a credential may act: `GATEHOUSE_SERVICE_TOKEN`. Distinct from the
 * operator token, which opens accounts: a service that checks credentials must not be able to.
 */
export abstract class ServiceTokenConfig {
  abstract readonly serviceToken: string;
}

/** Its own header: the request's Authorization carries the credential being checked (nginx form). */
export const SERVICE_TOKEN_HEADER = 'x-gatehouse-service-token';

/** Compared in constant time over digests of equal length; refused with 403, never a credential prompt. */
@Injectable()
export class PlatformServiceGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(config: ServiceTokenConfig) {
    this.expected = digest(config.serviceToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[SERVICE_TOKEN_HEADER];
    if (typeof given !== 'string' || given === '' || !timingSafeEqual(digest(given), this.expected)) {
      throw new ForbiddenException(`a platform service token is required in ${SERVICE_TOKEN_HEADER}`);
    }
    return true;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
