import { Injectable } from '@nestjs/common';
import type { ApiProtocol } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import type { Principal } from '@gatehouse/http';
import { ApiKeyCredentials, BasicCredentials } from '@gatehouse/identity';
import type { CheckedCredentialDto } from './check-access.dto';

export interface CheckedPrincipal {
  readonly accountId: string;
  readonly userId: string;
  readonly roles: string[];
  readonly permissions: string[];
}

/**
 * One reason for every refusal (unknown user or key, wrong password, disabled, locked, asked to be
 * deleted, outside the safelist, protocol not allowed), so a platform service can hand it to its own
 * client as it is without telling that client more than a Gatehouse login would.
 */
export type AccessAnswer =
  | { readonly allowed: true; readonly principal: CheckedPrincipal }
  | { readonly allowed: false; readonly reason: 'CREDENTIALS_REFUSED' };

const refused: AccessAnswer = { allowed: false, reason: 'CREDENTIALS_REFUSED' };

export const credentialFormInvalid = () =>
  new DomainError(
    'CREDENTIAL_FORM_INVALID',
    'unprocessable',
    'the credential is either { apiKey } or { username, password }',
    'credential',
  );

/**
 * Gatehouse's rules for another platform service, judged exactly as the edge of every Gatehouse service
 * judges its own requests (the identity lib's credentials): an API key acts as its owner whatever the
 * protocol; a username and password need basic authentication allowed for the protocol named. A known
 * user's refusal is recorded as the edge records it, on the `access-check` channel.
 */
@Injectable()
export class CheckAccessHandler {
  constructor(
    private readonly apiKeys: ApiKeyCredentials,
    private readonly basic: BasicCredentials,
  ) {}

  async check(
    credential: CheckedCredentialDto,
    protocol: ApiProtocol,
    clientIp: string,
  ): Promise<AccessAnswer> {
    const { apiKey, username, password } = credential;
    const byKey = apiKey !== undefined && username === undefined && password === undefined;
    const byPassword = apiKey === undefined && username !== undefined && password !== undefined;
    if (!byKey && !byPassword) throw credentialFormInvalid();
    const via = { channel: 'access-check', protocol } as const;
    const principal = byKey
      ? await outsideSafelistAsNull(this.apiKeys.authenticate(apiKey, clientIp, via))
      : await this.basic.authenticate(
          username as string,
          password as string,
          protocol,
          clientIp,
          via.channel,
        );
    return principal ? { allowed: true, principal: checked(principal) } : refused;
  }
}

/** The edge answers a key used from outside its owner's safelist with 403; here it is one more refusal. */
export async function outsideSafelistAsNull(
  authenticating: Promise<Principal | null>,
): Promise<Principal | null> {
  try {
    return await authenticating;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'IP_NOT_ALLOWED') return null;
    throw error;
  }
}

const checked = ({ accountId, userId, roles, permissions }: Principal): CheckedPrincipal => ({
  accountId,
  userId,
  roles: [...roles].sort(),
  permissions: [...permissions].sort(),
});
