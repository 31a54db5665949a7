import { languageTags } from '@gatehouse/contracts';
import { PageLimit, IsInstant } from '@gatehouse/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export const userStatuses = ['active', 'disabled', 'locked', 'deletion-requested'] as const;
export const userSorts = ['name', 'username', 'email', 'lastLogin', 'created'] as const;

/** `a,b` and `?x=a&x=b` both give ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .filter((item) => item !== '');

const flag = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

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
  @Transform(list)
  @ArrayMaxSize(userStatuses.length)
  @IsIn(userStatuses, { each: true })
  status?: (typeof userStatuses)[number][];

  @ApiPropertyOptional({ description: 'Role ids, any of, comma-separated', example: 'support,developer' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  role?: string[];

  @ApiPropertyOptional({ description: 'Language tags, any of, comma-separated', example: 'en,fr' })
  @IsOptional()
  @Transform(list)
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
  @Transform(flag)
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
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, for the same query' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
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
  @Transform(flag)
  @IsBoolean()
  bom?: boolean;
}
