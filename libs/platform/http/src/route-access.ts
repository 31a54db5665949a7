import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  type Type,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedGuard } from './authentication';

/** Metadata naming why a route does not need a user's credential; absent means it does. */
export const ROUTE_ACCESS = 'gatehouse:route-access';

export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'own-guard'; readonly guard: Type<CanActivate> };

/** Anyone may call it (login, password reset, invite acceptance, health): the edge lets it through. */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata<string, RouteAccess>(ROUTE_ACCESS, { kind: 'public' });

/**
 * Proven by a credential of its own (the operator token, a service-to-service call) in place of a
 * user's: the edge leaves it to `guard`, which this decorator also applies, so the two cannot drift apart.
 */
export const GuardedBy = (guard: Type<CanActivate>): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata<string, RouteAccess>(ROUTE_ACCESS, { kind: 'own-guard', guard }),
    UseGuards(guard),
  );

/**
 * The one guard every service binds globally (APP_GUARD): deny by default. A route passes without a
 * user's credential only when it says so with @Public() or @GuardedBy(); every other route needs a live
 * principal, so a controller that forgets a decorator is closed, never open.
 */
@Injectable()
export class EdgeGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticated: AuthenticatedGuard,
  ) {}

  canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    return access ? true : this.authenticated.canActivate(context);
  }
}
