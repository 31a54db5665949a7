import type { ApiClient, ApiResponse } from './api-client';
import { newUserBody, type OpenedAccount } from './scenario';

/** Requests the roles scenarios share. */
export interface Role {
  id: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
}
export interface Problem {
  code: string;
  errors?: { field: string; rule: string }[];
}

export const toggle = (
  client: ApiClient,
  account: OpenedAccount,
  userId: string,
  roleId: string,
  enabled: boolean,
) =>
  client.request<Problem | string>(
    'PUT',
    `/v1/accounts/${account.accountId}/users/${userId}/roles/${roleId}`,
    { enabled },
  );

export async function createUser(account: OpenedAccount): Promise<string> {
  const created = await account.admin.post<{ userId: string }>(
    `/v1/accounts/${account.accountId}/users`,
    newUserBody(),
  );
  if (created.status !== 201)
    throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.userId;
}

export const problemOf = (response: ApiResponse<unknown>) => ({
  status: response.status,
  code: (response.body as Problem).code,
});
