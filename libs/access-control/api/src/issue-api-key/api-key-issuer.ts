import { Injectable } from '@nestjs/common';
import type { IssueApiKey, RotateApiKey } from '@gatehouse/access-control-domain';
import type { ApiKeyIssued } from '@gatehouse/contracts';
import type { CommandContext } from '@gatehouse/event-store';
import { type ApiKeyOwner, apiKeySecretName, Grants, mintApiKey } from '@gatehouse/identity';
import { SecretStore } from '@gatehouse/secrets';
import { v7 as uuidv7 } from 'uuid';
import { AccessCommands } from '../access-commands';
import type { IssuedApiKeyView } from './issue-api-key.dto';

/** A command without the facts the issuer supplies: the new key's id and prefix, the clock, the owner's rights. */
export type IssueRequest =
  | Omit<IssueApiKey, 'keyId' | 'prefix' | 'now' | 'ownerPermissions'>
  | Omit<RotateApiKey, 'newKeyId' | 'prefix' | 'now'>;

/**
 * Issues and rotates keys: mints the secret, files its hash in the secret store under the new key's id
 * (the store, never an event, holds it) and then appends the key's event. A refused command removes the
 * filed hash; were the process to die between the two, the hash names a key id no stream has issued, so
 * it opens nothing.
 */
@Injectable()
export class ApiKeyIssuer {
  constructor(
    private readonly access: AccessCommands,
    private readonly secrets: SecretStore,
    private readonly grants: Grants,
  ) {}

  async issue(request: IssueRequest, context: CommandContext): Promise<IssuedApiKeyView> {
    const minted = mintApiKey();
    const keyId = uuidv7();
    const owner: ApiKeyOwner = { userId: request.userId, keyId };
    const secretName = apiKeySecretName(minted.hash);
    await this.access.assertUserOf(context.accountId, request.userId);
    await this.secrets.put(secretName, JSON.stringify(owner));
    const facts = { prefix: minted.prefix, now: context.now.toISOString() };
    try {
      const command =
        request.type === 'IssueApiKey'
          ? {
              ...request,
              ...facts,
              keyId,
              ownerPermissions: await this.ownerPermissions(context, request.userId),
            }
          : { ...request, ...facts, newKeyId: keyId };
      const { events } = await this.access.run(request.userId, command, context);
      const issued = events.find((event) => event.type === 'ApiKeyIssued')?.data as ApiKeyIssued['data'];
      const { name, prefix, createdAt, expiresAt, permissions } = issued;
      return { keyId, name, prefix, createdAt, expiresAt, permissions, key: minted.key };
    } catch (error) {
      await this.secrets.delete(secretName);
      throw error;
    }
  }

  private async ownerPermissions(context: CommandContext, userId: string) {
    return (await this.grants.grantsOf(context.accountId, userId)).permissions;
  }
}
