import { Injectable, Logger } from '@nestjs/common';
import type { ApiProtocol, RefusalReason } from '@gatehouse/contracts';
import type { Principal } from '@gatehouse/http';
import { ipAllowed, liveKey, standingRefusal } from '@gatehouse/identity-domain';
import { SecretStore } from '@gatehouse/secrets';
import { AccessRefusals } from '../access-refusals';
import { Grants } from '../grants';
import { AccessRefusalRecorder } from '../refusals/access-refusal-recorder';
import { Clock } from '../session/clock';
import { apiKeyHash, apiKeyLastUsedName, apiKeySecretName, wellFormedApiKey } from './api-key-format';

/** What the secret store keeps under a key's hash: whose key it is. */
export interface ApiKeyOwner {
  readonly userId: string;
  readonly keyId: string;
}

/** "Last used" is written at most this often per key and process: a busy key costs no write per request. */
const LAST_USED_EVERY_MS = 60_000;
const logger = new Logger('api-keys');

/**
 * A key acts as its owner, judged on every request by the store as it is now: the owner enabled, not
 * locked and not asked to be deleted, the key issued, not revoked nor expired, the request inside the owner's IP safelist. A key with
 * narrower permissions gets their intersection with the owner's current ones and no role (roles carry
 * rights of their own, such as the Account admin's, that a narrowed key must not). A key of a known
 * user refused for any of these is recorded for admins (AccessRefusalRecorder); an unknown key is not.
 */
@Injectable()
export class ApiKeyCredentials {
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly grants: Grants,
    private readonly refusals: AccessRefusalRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * The key's principal, or null when it is refused; 403 IP_NOT_ALLOWED from outside the owner's safelist.
   * `via` names the access check and its protocol when another platform service asks.
   */
  async authenticate(
    token: string,
    ip: string,
    via?: { channel: 'access-check'; protocol: ApiProtocol },
  ): Promise<Principal | null> {
    if (!wellFormedApiKey(token)) return null;
    const stored = await this.secrets.get(apiKeySecretName(apiKeyHash(token)));
    if (!stored) return null;
    const { userId, keyId } = JSON.parse(stored) as ApiKeyOwner;
    // With the user's account known (it never changes), their grants are read in the same round trip.
    const knownAccount = this.grants.knownAccountOf(userId);
    const [user, { state: access }, known] = await Promise.all([
      this.grants.user(userId),
      this.grants.access(userId),
      knownAccount === undefined ? undefined : this.grants.grantsOf(knownAccount, userId),
    ]);
    if (!user.exists) return null;
    const now = this.clock.now();
    const key = liveKey(access, keyId, now);
    const refused = (reason: RefusalReason): void =>
      this.refusals.refused({
        userId,
        accountId: user.accountId,
        reason,
        channel: via?.channel ?? 'api-key',
        ip,
        keyId,
        ...(via ? { protocol: via.protocol } : {}),
      });
    const standing = standingRefusal(user);
    if (standing || !key) {
      refused(standing ?? (access.apiKeys.has(keyId) ? 'api-key-expired' : 'api-key-revoked'));
      return null;
    }
    if (!ipAllowed(access, ip)) {
      refused('outside-safelist');
      throw AccessRefusals.ipNotAllowed();
    }
    const { roles, permissions } = known ?? (await this.grants.grantsOf(user.accountId, userId));
    this.touch(keyId, now);
    const narrowed = key.permissions;
    return {
      userId,
      accountId: user.accountId,
      sessionId: `api-key:${keyId}`,
      roles: narrowed ? new Set() : roles,
      permissions: narrowed ? new Set([...permissions].filter((p) => narrowed.includes(p))) : permissions,
    };
  }

  /** When a key was last used, or null if never (as far as this installation recorded). */
  async lastUsed(keyId: string): Promise<string | null> {
    return this.secrets.get(apiKeyLastUsedName(keyId));
  }

  private touch(keyId: string, now: Date): void {
    const last = this.lastWritten.get(keyId) ?? 0;
    if (now.getTime() - last < LAST_USED_EVERY_MS) return;
    this.lastWritten.set(keyId, now.getTime());
    // Best effort and off the request's path: a lost "last used" must not fail the request.
    this.secrets.put(apiKeyLastUsedName(keyId), now.toISOString()).catch((error: unknown) => {
      logger.warn(`last use of key ${keyId} not recorded: ${String(error)}`);
    });
  }
}
