import { languageTags } from '@gatehouse/contracts';
import { IsInstant, PageCursor, PageLimit } from '@gatehouse/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { booleanFlag, commaList, RoleIdsFilter } from '../query-params';

export const userStatuses = ['active', 'disabled', 'locked', 'deletion-requested'] as const;
export const userSorts = ['name', 'username', 'email', 'lastLogin', 'created'] as const;

/** The users list's search, filters and order: the same for a page and for the CSV export. */
export class UsersQueryDto {
  @ApiPropertyOptional({
    description: 'Prefix of the first or last name, full name, username or email; case and accents ignored',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Any of, comma-separated', example: 'active,locked' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(userStatuses.length)
  @IsIn(userStatuses, { each: true })
  status?: (typeof userStatuses)[number][];

  @RoleIdsFilter('Role ids, any of, comma-separated')
  role?: string[];

  @ApiPropertyOptional({ description: 'Language tags, any of, comma-separated', example: 'en,fr' })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(languageTags.length)
  @IsIn(languageTags, { each: true })
  language?: string[];

  @ApiPropertyOptional({
    description: 'Last login strictly before this instant (users who never logged in excluded)',
  })
  @IsOptional()
  @IsInstant()
  lastLoginBefore?: string;

  @ApiPropertyOptional({ description: 'Last login strictly after this instant' })
  @IsOptional()
  @IsInstant()
  lastLoginAfter?: string;

  @ApiPropertyOptional({
    description: 'true: only users who never logged in (with lastLoginBefore/After: none)',
  })
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean()
  neverLoggedIn?: boolean;

  @ApiPropertyOptional({ enum: userSorts, default: 'created' })
  @IsOptional()
  @IsIn(userSorts)
  sort?: (typeof userSorts)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ListUsersQueryDto extends UsersQueryDto {
  @PageCursor()
  cursor?: string;
  @PageLimit()
  limit?: number;
}

export class ExportUsersQueryDto extends UsersQueryDto {
  @ApiPropertyOptional({
    description: 'Start with a UTF-8 byte order mark, for spreadsheets',
    default: false,
  })
  @IsOptional()
  @Transform(booleanFlag)
  @IsBoolean()
  bom?: boolean;
}
