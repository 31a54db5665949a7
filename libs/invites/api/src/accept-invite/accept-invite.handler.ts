import { Injectable } from '@nestjs/common';
import { DomainError } from '@gatehouse/domain-kit';
import type { RequestContext } from '@gatehouse/identity';
import { inviteDecider, InviteErrors } from '@gatehouse/invites-domain';
import { InviteCommands } from '../invite-commands';
import { InviteTokens } from '../invite-tokens';
import { InvitesConfig } from '../invites.config';
import type { AcceptInviteDto } from './accept-invite.dto';
import { InviteeUsers } from './invitee-users';

/**
 * Accepting an invite (docs/adr/20261201-accept-invite-creates-user-over-an-internal-call.md): the link is
 * checked against the invite's latest send and deadline, the users context creates the user (its id is
 * the invite's, so a retry finds it), then the invite records the acceptance. The answer comes once the
 * user can log in. A crash after the user's creation leaves the acceptance to InviteAcceptanceReaction.
 */
@Injectable()
export class AcceptInviteHandler {
  constructor(
    private readonly invites: InviteCommands,
    private readonly tokens: InviteTokens,
    private readonly users: InviteeUsers,
    private readonly config: InvitesConfig,
  ) {}

  /**
   * The invitee a link is for, while it can still be accepted: their language and the names the inviter
   * gave; null otherwise, alike for every reason. Reads only: the page greets its holder.
   */
  async holder(
    token: string,
    now: Date,
  ): Promise<{ language: string; values: Record<string, string> } | null> {
    const redeemed = await this.tokens.redeem(token);
    if (!redeemed) return null;
    const invite = await this.invites.stateOf(redeemed.inviteId);
    if (invite.status === 'none') return null;
    try {
      inviteDecider.decide(
        { type: 'AcceptInvite', sendId: redeemed.sendId, userId: redeemed.inviteId, now },
        invite,
      );
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
    const { language, firstName, lastName } = invite.invitee;
    return { language, values: { firstName: firstName ?? '', lastName: lastName ?? '' } };
  }

  async accept(
    body: AcceptInviteDto,
    request: RequestContext,
  ): Promise<{ userId: string; accountId: string }> {
    const redeemed = await this.tokens.redeem(body.token);
    if (!redeemed) throw InviteErrors.tokenInvalid();
    const { inviteId, sendId } = redeemed;
    const invite = await this.invites.stateOf(inviteId);
    // Decided on the state read, appending nothing yet: a refusal here is the same for every bad link.
    inviteDecider.decide({ type: 'AcceptInvite', sendId, userId: inviteId, now: request.now }, invite);
    if (invite.status === 'none') throw InviteErrors.tokenInvalid();
    const { accountId, invitee, roles, accessControls } = invite;
    const firstName = body.firstName ?? invitee.firstName;
    const lastName = body.lastName ?? invitee.lastName;
    if (!firstName) throw namesRequired('firstName');
    if (!lastName) throw namesRequired('lastName');
    const context = { ...request, accountId, actor: inviteId };
    const { userId } = await this.users.create(
      {
        ...invitee,
        firstName,
        lastName,
        username: body.username,
        password: body.password,
        inviteId,
        roles: [...roles],
        accessControls,
      },
      context,
    );
    if (this.config.testCrashAfterInviteeUser) process.kill(process.pid, 'SIGKILL');
    await this.invites.recordAcceptance(inviteId, userId, context);
    await this.tokens.consume(inviteId);
    return { userId, accountId };
  }
}

const namesRequired = (field: string) =>
  new DomainError(
    'INVITE_NAME_REQUIRED',
    'unprocessable',
    `${field} is required: the invite has none`,
    field,
  );
