import { PageCursor, PageLimit } from '@gatehouse/http';
import type { InviteStatus } from '@gatehouse/invites-list';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RoleIdsFilter } from '../query-params';

export const inviteStatuses: readonly InviteStatus[] = ['pending', 'accepted', 'revoked', 'expired'];
export const inviteSorts = ['invited', 'expires', 'name', 'email'] as const;

/** The invites list's search, filters, order and page. */
export class ListInvitesQuery {
  @ApiPropertyOptional({
    description: 'Prefix of the first or last name, full name or email; case and accents ignored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: inviteStatuses, description: '`expired`: pending at or past its deadline' })
  @IsOptional()
  @IsIn(inviteStatuses)
  status?: InviteStatus;

  @RoleIdsFilter('Role ids offered, any of, comma-separated')
  role?: string[];

  @ApiPropertyOptional({ enum: inviteSorts, default: 'invited' })
  @IsOptional()
  @IsIn(inviteSorts)
  sort?: (typeof inviteSorts)[number];

  @ApiPropertyOptional({
    enum: ['asc', 'desc'],
    description: 'Default: desc for `invited` (newest first), asc for the others',
  })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @PageCursor()
  cursor?: string;

  @PageLimit()
  limit?: number;
}
