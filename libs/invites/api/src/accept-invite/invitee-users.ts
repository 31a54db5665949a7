import type { InvitedUserRequest } from '@gatehouse/contracts';
import { DomainError, type DomainErrorKind } from '@gatehouse/domain-kit';
import { type CommandContext } from '@gatehouse/event-store';
import { InvalidInput, type ProblemField, RequestRefused } from '@gatehouse/http';
import { INTERNAL_CALL_HEADER } from '@gatehouse/identity';
import { invitedUsersPath } from '@gatehouse/contracts';

/**
 * The users context, as the invites context needs it: create the user an invitee becomes, keyed by the
 * invite. Bound in process by the embedded runtime, over HTTP to the users service when distributed.
 */
export abstract class InviteeUsers {
  abstract create(request: InvitedUserRequest, context: CommandContext): Promise<{ userId: string }>;
}

const kindByStatus: Record<number, DomainErrorKind> = {
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'unprocessable',
};

interface ProblemBody {
  readonly code?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors?: readonly ProblemField[];
}

/**
 * The users service's internal create. Its rule refusals (username taken, password too weak) come back as
 * the same domain errors, so the invitee sees what a direct call would show, and so do its 400 naming each
 * field its rules refuse (an invite stored before a rule tightened) and its retryable 503 (the user exists,
 * its access controls not applied yet); anything else is a failure of the call (500), which the invitee
 * may retry with the same link.
 */
export class InviteeUsersOverHttp extends InviteeUsers {
  constructor(
    private readonly usersUrl: string,
    private readonly credential: string,
  ) {
    super();
  }

  async create(request: InvitedUserRequest, context: CommandContext): Promise<{ userId: string }> {
    const response = await fetch(`${this.usersUrl}${invitedUsersPath(context.accountId)}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_CALL_HEADER]: this.credential,
        'x-correlation-id': context.correlationId,
      },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as ProblemBody & { userId?: string };
    if (response.ok && body.userId) return { userId: body.userId };
    const kind = kindByStatus[response.status];
    if (kind && body.code) {
      throw new DomainError(body.code, kind, body.title ?? body.code, body.errors?.[0]?.field);
    }
    if (response.status === 400 && body.errors?.length) throw new InvalidInput([...body.errors]);
    if (response.status === 503 && body.code) {
      const { code, title = code, detail = title, errors } = body;
      throw new RequestRefused(503, code, title, detail, errors?.[0]?.field);
    }
    throw new Error(`users service answered ${response.status} to the invited user's creation`);
  }
}
