import { Injectable } from '@nestjs/common';
import {
  type CommandContext,
  type CommandStep,
  EventStore,
  handleCommand,
  handleCommands,
  loadState,
  StateCache,
  step,
  toNewEvent,
} from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { catalogOf } from '@gatehouse/identity-domain';
import {
  deadlineAfter,
  inviteDecider,
  inviteEmailDecider,
  inviteEmailStreamId,
  type InviteFacts,
  inviteSettingsDecider,
  inviteSettingsStreamId,
  type InviteState,
  inviteStreamId,
  normaliseEmail,
  statusOf,
} from '@gatehouse/invites-domain';
import { createHmac } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { InvitesConfig } from './invites.config';

/**
 * The invites context's writes: an invite's stream, the guard stream of the email it holds, the account's
 * settings. A new invite and a resend claim the email in the same atomic write as their own event.
 */
@Injectable()
export class InviteCommands {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
    private readonly grants: Grants,
    private readonly config: InvitesConfig,
  ) {}

  async invite(facts: InviteFacts, context: CommandContext): Promise<void> {
    const known = catalogOf((await this.grants.catalog(facts.accountId)).state).map((role) => role.id);
    const { sendId, expiresAt } = await this.nextSend(facts.accountId, context.now);
    const command = { type: 'InviteUser' as const, ...facts, knownRoles: new Set(known), sendId, expiresAt };
    await handleCommands(
      this.store,
      [
        step(inviteStreamId(facts.inviteId), inviteDecider, command),
        this.claimEmail(facts.accountId, facts.invitee.email, facts.inviteId),
      ],
      context,
    );
  }

  async resend(accountId: string, inviteId: string, context: CommandContext): Promise<void> {
    const current = await this.stateOf(inviteId);
    const { sendId, expiresAt } = await this.nextSend(accountId, context.now);
    const steps = [
      step(inviteStreamId(inviteId), inviteDecider, { type: 'ResendInvite', accountId, sendId, expiresAt }),
    ];
    // The decider answers for an invite that is missing or of another account; the guard needs its email.
    if (current.status !== 'none' && current.accountId === accountId) {
      steps.push(this.claimEmail(accountId, current.invitee.email, inviteId));
    }
    await handleCommands(this.store, steps, context);
  }

  async revoke(accountId: string, inviteId: string, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store,
      inviteStreamId(inviteId),
      inviteDecider,
      { type: 'RevokeInvite', accountId },
      context,
      {
        retries: 10,
        cache: this.states,
      },
    );
  }

  /** Idempotent: the users context made the invitee's user, keyed by this invite. */
  async recordAcceptance(inviteId: string, userId: string, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store,
      inviteStreamId(inviteId),
      inviteDecider,
      { type: 'RecordAcceptance', userId },
      context,
      {
        retries: 10,
        cache: this.states,
      },
    );
  }

  async stateOf(inviteId: string): Promise<InviteState> {
    return (await this.states.load(inviteStreamId(inviteId), inviteDecider)).state;
  }

  async expiryHours(accountId: string): Promise<number> {
    return (await this.states.load(inviteSettingsStreamId(accountId), inviteSettingsDecider)).state
      .expiryHours;
  }

  async changeExpiry(accountId: string, expiryHours: number, context: CommandContext): Promise<void> {
    await handleCommand(
      this.store,
      inviteSettingsStreamId(accountId),
      inviteSettingsDecider,
      { type: 'ChangeInviteSettings', expiryHours },
      context,
      { retries: 10, cache: this.states },
    );
  }

  private async nextSend(accountId: string, now: Date): Promise<{ sendId: string; expiresAt: string }> {
    return { sendId: uuidv7(), expiresAt: deadlineAfter(now, await this.expiryHours(accountId)) };
  }

  /** The guard of one pending invite per email, deciding on its holder's state as read in the same try. */
  private claimEmail(accountId: string, email: string, inviteId: string): CommandStep {
    const digest = createHmac('sha256', this.config.emailKey).update(
      `${accountId}\n${normaliseEmail(email)}`,
    );
    const streamId = inviteEmailStreamId(digest.digest('hex'));
    return {
      streamId,
      prepare: async (store, context) => {
        const { state, version } = await loadState(store, streamId, inviteEmailDecider);
        const holder =
          state.holder === null || state.holder === inviteId
            ? null
            : await loadState(store, inviteStreamId(state.holder), inviteDecider);
        const holderPending =
          holder !== null &&
          holder.state.status !== 'none' &&
          statusOf(holder.state, context.now) === 'pending';
        const events = inviteEmailDecider.decide(
          { type: 'ClaimInviteEmail', inviteId, holderPending },
          state,
        );
        return { version, events: events.map((event) => toNewEvent(event, context)) };
      },
    };
  }
}
