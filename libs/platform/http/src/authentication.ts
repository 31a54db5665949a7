import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Permission } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BASIC_CHALLENGE, type Credential, credentialOf, credentialsRefused } from './credentials';

/** Who is calling: resolved from the bearer session on every request, never cached across requests. */
export interface Principal {
  readonly userId: string;
  readonly accountId: string;
  readonly sessionId: string;
  readonly roles: ReadonlySet<string>;
  /** The union of the roles' permissions, resolved from the same state as `roles`. */
  readonly permissions: ReadonlySet<Permission>;
}

/**
 * Resolves a credential to a live principal, or null when the token is unknown, ended or forged, or the
 * username and password are refused.
 */
export abstract class Authenticator {
  abstract authenticate(credential: Credential, ip: string): Promise<Principal | null>;
}

type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

@Injectable()
export class AuthenticatedGuard implements CanActivate {
  constructor(private readonly authenticator: Authenticator) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credential = credentialOf(request);
    const principal = credential ? await this.authenticator.authenticate(credential, request.ip ?? '') : null;
    if (!principal && credential?.scheme === 'basic') {
      context.switchToHttp().getResponse<FastifyReply>().header('WWW-Authenticate', BASIC_CHALLENGE);
      throw credentialsRefused();
    }
    if (!principal) throw new UnauthorizedException('a valid bearer session is required');
    request.principal = principal;
    return true;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
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

/** Another account's resources do not exist for the caller: 404, so nothing leaks across accounts. */
export function assertSameAccount(principal: Principal, accountId: string): void {
  if (principal.accountId !== accountId) throw new NotFoundException('no such account');
}

/** 404 for another account first, then 403 naming the missing permission (docs/permissions.md). */
export function assertPermission(principal: Principal, accountId: string, permission: Permission): void {
  assertSameAccount(principal, accountId);
  if (!principal.permissions.has(permission)) throw permissionRequired(permission);
}

/** The user themselves, or whoever holds the permission over the account's users. */
export function assertSelfOrPermission(
  principal: Principal,
  accountId: string,
  userId: string,
  permission: Permission,
): void {
  assertSameAccount(principal, accountId);
  if (principal.userId !== userId && !principal.permissions.has(permission))
    throw permissionRequired(permission);
}

const permissionRequired = (permission: Permission) =>
  new DomainError('PERMISSION_REQUIRED', 'forbidden', `this needs the ${permission} permission`);
