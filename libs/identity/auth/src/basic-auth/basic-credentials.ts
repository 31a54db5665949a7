import { Injectable } from '@nestjs/common';
import type { ApiProtocol, RefusalReason } from '@gatehouse/contracts';
import type { Principal } from '@gatehouse/http';
import { initialAccessPending, ipAllowed, standingRefusal } from '@gatehouse/identity-domain';
import { Grants } from '../grants';
import { PasswordHasher } from '../passwords/password-hasher';
import { AccessRefusalRecorder } from '../refusals/access-refusal-recorder';
import { NOBODY, UsernameReservations } from '../usernames/username-reservations';
import { BasicAuthThrottle } from './basic-auth-throttle';
import { VerifiedPasswords } from './verified-passwords';

/**
 * HTTP (and SMPP) basic authentication, judged by the store as it is now, in the issue's order: the
 * username's owner and their password, the owner enabled, not locked and not asked to be deleted, the
 * client inside their IP safelist, basic authentication allowed for the protocol (`ApiAccessChanged`,
 * off by default); then their roles, as for a session. Every refusal is the same null, and the password
 * is verified on every path — against the stand-in hash for an unknown username — so neither the answer
 * nor its time tells which check failed. A known user's refusal is recorded for admins on their refusals
 * stream (AccessRefusalRecorder, off the request's path), never on the user's own: this runs in every
 * service and only the users service writes users' streams, so it counts towards no lockout. Refusals
 * count against the login's limits per address and username (BasicAuthThrottle); past them every attempt
 * is refused unverified, and unrecorded.
 */
/** A refusal, and for a known user who was refused and why (null: nobody to record it for). */
interface Refused {
  readonly refused: { userId: string; accountId: string; reason: RefusalReason } | null;
}

@Injectable()
export class BasicCredentials {
  constructor(
    private readonly grants: Grants,
    private readonly passwords: PasswordHasher,
    private readonly reservations: UsernameReservations,
    private readonly verified: VerifiedPasswords,
    private readonly throttle: BasicAuthThrottle,
    private readonly refusals: AccessRefusalRecorder,
  ) {}

  /** `channel`: the edge's own basic authentication, or another platform service's access check. */
  async authenticate(
    username: string,
    password: string,
    protocol: ApiProtocol,
    ip: string,
    channel: 'basic-auth' | 'access-check' = 'basic-auth',
  ): Promise<Principal | null> {
    const usernameKey = this.reservations.streamIdOf(username);
    if (await this.throttle.throttled(ip, usernameKey)) return null;
    const judged = await this.judge(usernameKey, password, protocol, ip);
    if ('userId' in judged) return judged;
    await this.throttle.failed(ip, usernameKey);
    if (judged.refused) this.refusals.refused({ ...judged.refused, channel, protocol, ip });
    return null;
  }

  private async judge(
    usernameKey: string,
    password: string,
    protocol: ApiProtocol,
    ip: string,
  ): Promise<Principal | Refused> {
    const owner = await this.grants.usernameOwner(usernameKey);
    const userId = owner?.userId ?? NOBODY;
    // With the user's account known (it never changes), their grants are read in the same round trip.
    const knownAccount = this.grants.knownAccountOf(userId);
    const [user, access, known] = await Promise.all([
      this.grants.userAt(userId),
      this.grants.access(userId),
      knownAccount === undefined ? undefined : this.grants.grantsOf(knownAccount, userId),
    ]);
    const versions = { user: user.version, access: access.version };
    const passwordMatches = await this.passwordMatches(userId, password, versions);
    if (!owner || !user.state.exists) return { refused: null };
    const { accountId } = user.state;
    const refused = (reason: RefusalReason): Refused => ({ refused: { userId, accountId, reason } });
    const standing = standingRefusal(user.state);
    if (standing) return refused(standing);
    if (!passwordMatches) return refused('wrong-password');
    if (initialAccessPending(user.state, access.version)) return { refused: null };
    if (!ipAllowed(access.state, ip)) return refused('outside-safelist');
    if (!access.state.apiAccess[protocol]) return refused('protocol-not-allowed');
    const { roles, permissions } = known ?? (await this.grants.grantsOf(accountId, userId));
    return { userId, accountId, sessionId: `basic:${protocol}`, roles, permissions };
  }

  private async passwordMatches(
    userId: string,
    password: string,
    versions: { user: number; access: number },
  ): Promise<boolean> {
    if (this.verified.has(userId, password, versions)) return true;
    const matches = await this.passwords.verifies(userId, password);
    if (matches) this.verified.remember(userId, password, versions);
    return matches;
  }
}
