import { Injectable } from '@nestjs/common';
import { Authenticator, type Credential, type Principal } from '@gatehouse/http';
import { activeSession, ipAllowed } from '@gatehouse/identity-domain';
import { AccessRefusals } from '../access-refusals';
import { ApiKeyCredentials } from '../api-keys/api-key-credentials';
import { looksLikeApiKey } from '../api-keys/api-key-format';
import { BasicCredentials } from '../basic-auth/basic-credentials';
import { Grants } from '../grants';
import { AccessRefusalRecorder } from '../refusals/access-refusal-recorder';
import { SessionConfig } from '../session.config';
import { SessionLiveness } from './session-liveness';
import { SessionTokens } from './session-tokens';

/**
 * Judges every request by the store as it is now: the user's stream (is the session still open?), the
 * user's access controls (is the client address inside their IP safelist?), the user's role assignments
 * and the account's role catalog, all caught up through the state cache. So a role toggled, a safelist
 * saved or a session ended is in force for the very next request, in every runtime mode, every service
 * and every instance. A session also ends by itself, idle or past its lifetime (SessionLiveness). A bearer
 * token is a session token or an API key (`ghk_…`, see ApiKeyCredentials); a basic credential is a
 * username and password, allowed over HTTP where the user's API access says so. A live session of a
 * known user refused (idle, past its lifetime, outside the safelist) is recorded for admins; a forged,
 * unknown or ended one is not.
 */
@Injectable()
export class EventSourcedAuthenticator extends Authenticator {
  private readonly tokens: SessionTokens;

  constructor(
    private readonly grants: Grants,
    private readonly apiKeys: ApiKeyCredentials,
    private readonly basic: BasicCredentials,
    private readonly liveness: SessionLiveness,
    private readonly refusals: AccessRefusalRecorder,
    config: SessionConfig,
  ) {
    super();
    this.tokens = new SessionTokens(config.sessionKey);
  }

  async authenticate(credential: Credential, ip: string): Promise<Principal | null> {
    if (credential.scheme === 'basic') {
      return this.basic.authenticate(credential.username, credential.password, 'http', ip);
    }
    const { token } = credential;
    if (looksLikeApiKey(token)) return this.apiKeys.authenticate(token, ip);
    const parsed = this.tokens.parse(token);
    if (!parsed) return null;
    const accountId = await this.accountOf(parsed.userId);
    if (accountId === undefined) return null;
    // Every stream the request needs, asked for at once: the state cache reads them in one round trip.
    const [user, facts, access, { roles, permissions }] = await Promise.all([
      this.grants.user(parsed.userId),
      this.liveness.facts(accountId, parsed.sessionId),
      this.grants.access(parsed.userId),
      this.grants.grantsOf(accountId, parsed.userId),
    ]);
    const session = user.exists ? user.sessions.get(parsed.sessionId) : undefined;
    if (!user.exists || !session || !activeSession(user, parsed.sessionId)) return null;
    // Idle or past its lifetime under the account's policy now: refused like an ended session.
    const judged = await this.liveness.judgeFrom(session, facts);
    const { userId } = user;
    const { sessionId } = parsed;
    const refused = (reason: 'session-idle' | 'session-expired' | 'outside-safelist'): void =>
      this.refusals.refused({ userId, accountId, reason, channel: 'session', ip, sessionId });
    if (judged.verdict !== 'live') {
      refused(judged.verdict === 'idle' ? 'session-idle' : 'session-expired');
      return null;
    }
    if (!ipAllowed(access.state, ip)) {
      refused('outside-safelist');
      throw AccessRefusals.ipNotAllowed();
    }
    await this.liveness.served(judged);
    return { userId, accountId, sessionId, roles, permissions };
  }

  /** The user's account: known without a read once their stream was read (it never changes). */
  private async accountOf(userId: string): Promise<string | undefined> {
    const known = this.grants.knownAccountOf(userId);
    if (known !== undefined) return known;
    const user = await this.grants.user(userId);
    return user.exists ? user.accountId : undefined;
  }
}
