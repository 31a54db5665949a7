import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNameLength } from '@gatehouse/http';
import { IsOptional, IsString } from 'class-validator';

export const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Names an inviter may give and an invitee may complete or change when accepting. */
export class InviteeNames {
  @ApiPropertyOptional({ example: 'Ada' })
  @IsOptional()
  @trim
  @IsString()
  @IsNameLength(1, 100)
  firstName?: string;
  @ApiPropertyOptional({ example: 'Lovelace' })
  @IsOptional()
  @trim
  @IsString()
  @IsNameLength(1, 100)
  lastName?: string;
}
