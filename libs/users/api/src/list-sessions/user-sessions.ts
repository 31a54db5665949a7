import { Injectable } from '@nestjs/common';
import { Grants, SessionLiveness } from '@gatehouse/identity';
import { activeSession } from '@gatehouse/identity-domain';
import { UserErrors } from '@gatehouse/users-domain';
import type { SessionView } from './session.view';

/**
 * A user's sessions that would let a request in now: open in the user's stream and neither idle nor past
 * their lifetime under the account's policy. An ended or idle session is not listed, as it is refused.
 */
@Injectable()
export class UserSessions {
  constructor(
    private readonly grants: Grants,
    private readonly liveness: SessionLiveness,
  ) {}

  async list(accountId: string, userId: string, currentSessionId: string): Promise<SessionView[]> {
    const user = await this.grants.user(userId);
    if (!user.exists || user.accountId !== accountId) throw UserErrors.notFound();
    const open = [...user.sessions.values()].filter((session) => activeSession(user, session.sessionId));
    const judged = await Promise.all(open.map((session) => this.liveness.judge(accountId, session)));
    return open.flatMap((session, index) => {
      const { verdict, lastSeen } = judged[index];
      if (verdict !== 'live' || session.startedAt === undefined) return [];
      return [
        {
          sessionId: session.sessionId,
          createdAt: session.startedAt,
          lastSeenAt: lastSeen?.toISOString() ?? session.startedAt,
          ip: session.ip,
          userAgent: session.userAgent ?? null,
          current: session.sessionId === currentSessionId,
        },
      ];
    });
  }
}
