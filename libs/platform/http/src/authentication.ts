import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling: resolved from the bearer session on every request, never cached across requests. */
export interface Principal {
  readonly userId: string;
  readonly accountId: string;
  readonly sessionId: string;
  readonly roles: ReadonlySet<string>;
}

/** Resolves a bearer token to a live principal, or null when the token is unknown, ended or forged. */
export abstract class Authenticator {
  abstract authenticate(token: string, ip: string): Promise<Principal | null>;
}

type AuthenticatedRequest = Request & { principal?: Principal };

@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(request);
    const principal = token ? await this.authenticator.authenticate(token, request.ip ?? '') : null;
    if (!principal) throw new UnauthorizedException('a valid bearer session is required');
    request.principal = principal;
    return true;
  }
}

export function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
    if (!principal) throw new UnauthorizedException('a valid bearer session is required');
    return principal;
  },
);
