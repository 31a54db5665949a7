import { type CanActivate, type ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { bearerToken } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { OperatorConfig } from '../users.config';

/** Only the platform operator opens accounts; compared in constant time over digests of equal length. */
@Injectable()
export class OperatorGuard implements CanActivate {
  constructor(private readonly config: OperatorConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = bearerToken(context.switchToHttp().getRequest<FastifyRequest>());
    const digest = (value: string) => createHash('sha256').update(value).digest();
    if (!token || !timingSafeEqual(digest(token), digest(this.config.operatorToken))) {
      throw new UnauthorizedException('the operator token is required');
    }
    return true;
  }
}
