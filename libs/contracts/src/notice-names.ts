import type { DomainEvent } from './envelope';
import type { UserCreated } from './users.events';

/**
 * Kinds of event rarer than their type that a reaction in another process acts on alone: append notices
 * name them beside the type, so that the reaction is neither woken by nor handed the rest of its type
 * (docs/adr/20261205-notices-name-what-reactions-wait-for.md).
 */
export const UserCreatedNotices = {
  /** Created with roles to grant (the roles context's initial roles). */
  withRoles: 'UserCreated.withRoles',
  /** Created by accepting an invite (the invites context records the acceptance). */
  invited: 'UserCreated.invited',
  /** Created by accepting an invite that chose access controls (the access-control context applies them). */
  invitedWithAccess: 'UserCreated.invitedWithAccess',
  /** Created by an admin who chose access controls (the access-control context applies them). */
  withAccess: 'UserCreated.withAccess',
} as const;

type Tag = readonly [name: string, carries: (data: unknown) => boolean];

const userCreated = (data: unknown) => data as UserCreated['data'];

const tagsByType: ReadonlyMap<string, readonly Tag[]> = new Map([
  [
    'UserCreated',
    [
      [UserCreatedNotices.withRoles, (data) => (userCreated(data).roles ?? []).length > 0],
      [UserCreatedNotices.invited, (data) => userCreated(data).invite !== undefined],
      [UserCreatedNotices.invitedWithAccess, (data) => userCreated(data).invite?.accessControls != null],
      [UserCreatedNotices.withAccess, (data) => userCreated(data).accessControls !== undefined],
    ],
  ],
]);

/** What a notice names for the event: its type, and each tagged kind above that it is. */
export function noticeNamesOf(event: DomainEvent): string[] {
  const tags = tagsByType.get(event.type);
  if (!tags) return [event.type];
  return [event.type, ...tags.filter(([, carries]) => carries(event.data)).map(([name]) => name)];
}
