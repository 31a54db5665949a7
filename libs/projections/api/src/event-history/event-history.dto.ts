import { PageLimit, IsInstant } from '@gatehouse/http';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MaxLength } from 'class-validator';

/** An account's history: what occurred from `since` and before `until`, in the order it was stored. */
export class AccountEventsQueryDto {
  @ApiPropertyOptional({ description: 'Events that occurred at or after this instant' })
  @IsOptional()
  @IsInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'Events that occurred before this instant' })
  @IsOptional()
  @IsInstant()
  until?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @PageLimit()
  limit?: number;
}

/** One stream's history from a position of it. */
export class StreamEventsQueryDto {
  @ApiPropertyOptional({ description: 'First stream position to return', default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  fromPosition?: number;

  @PageLimit()
  limit?: number;
}
