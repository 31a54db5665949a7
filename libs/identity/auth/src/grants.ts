import { Injectable } from '@nestjs/common';
import {
  accessStreamId,
  type Permission,
  roleAssignmentsStreamId,
  roleCatalogStreamId,
  userStreamId,
} from '@gatehouse/contracts';
import { type ReadSince, StateCache } from '@gatehouse/event-store';
import {
  type AccessState,
  accessView,
  permissionsOf,
  type PrincipalUser,
  principalUserView,
  type RoleCatalogState,
  roleAssignmentsView,
  roleCatalogView,
  type UsernameOwner,
  usernameOwnerView,
} from '@gatehouse/identity-domain';

/**
 * Who a user is, what they may do and from where, read (never written) from the users', roles' and
 * access controls' streams through the caught-up state cache. Nothing here reads more than one user's assignments, so a permission check
 * costs the same in an account of ten users or a million.
 */
@Injectable()
export class Grants {
  constructor(private readonly states: StateCache) {}

  async user(userId: string, since: ReadSince = 'asked'): Promise<PrincipalUser> {
    return (await this.userAt(userId, since)).state;
  }

  /** The user and the version of their stream it was read at. */
  userAt(userId: string, since: ReadSince = 'asked'): Promise<{ state: PrincipalUser; version: number }> {
    return this.states.load(userStreamId(userId), principalUserView, since);
  }

  /**
   * The account of a user whose stream was read before, without asking the store: a user never changes
   * account, so this lets a request's reads of the account's streams go out together with the user's.
   */
  knownAccountOf(userId: string): string | undefined {
    const user = this.states.cached(userStreamId(userId), principalUserView);
    return user?.exists ? user.accountId : undefined;
  }

  /**
   * Whose a username is, from its reservation stream (see UsernameReservations for its name). A
   * reservation is never released nor moved to another user, so an owner once read is answered from the
   * cache without asking the store; a free name is asked again every time.
   */
  async usernameOwner(reservationStreamId: string): Promise<UsernameOwner> {
    const known = this.states.cached(reservationStreamId, usernameOwnerView);
    return known ?? (await this.states.load(reservationStreamId, usernameOwnerView)).state;
  }

  catalog(
    accountId: string,
    since: ReadSince = 'asked',
  ): Promise<{ state: RoleCatalogState; version: number }> {
    return this.states.load(roleCatalogStreamId(accountId), roleCatalogView, since);
  }

  async rolesOf(
    userId: string,
    since: ReadSince = 'asked',
  ): Promise<{ roles: ReadonlySet<string>; version: number }> {
    const { state, version } = await this.states.load(
      roleAssignmentsStreamId(userId),
      roleAssignmentsView,
      since,
    );
    return { roles: state.roles, version };
  }

  /** A user's roles and, from the same reads, what they allow. */
  async grantsOf(
    accountId: string,
    userId: string,
  ): Promise<{ roles: ReadonlySet<string>; permissions: ReadonlySet<Permission> }> {
    const [{ roles }, { state }] = await Promise.all([this.rolesOf(userId), this.catalog(accountId)]);
    return { roles, permissions: permissionsOf(state, roles) };
  }

  /** A user's access controls (`access-<userId>`): safelist, API access per protocol, API keys. */
  access(userId: string): Promise<{ state: AccessState; version: number }> {
    return this.states.load(accessStreamId(userId), accessView);
  }
}
