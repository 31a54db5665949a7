import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Names default to those the inviter gave; one of them missing on both sides is refused (422). */
export class AcceptInviteDto {
  @ApiProperty({ description: 'the token from the emailed link' }) @IsString() @Length(1, 200) token!: string;
  @ApiPropertyOptional({ example: 'Ada' }) @IsOptional() @trim @IsString() @Length(1, 100) firstName?: string;
  @ApiPropertyOptional({ example: 'Lovelace' })
  @IsOptional()
  @trim
  @IsString()
  @Length(1, 100)
  lastName?: string;

  @ApiProperty({ example: 'ada.lovelace', description: '3–64 letters, digits, dot, dash or underscore' })
  @trim
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, ".", "-" or "_"' })
  username!: string;

  @ApiProperty({ format: 'password', description: "at most 128 characters; the account's policy applies" })
  @IsString()
  @Length(1, 128)
  password!: string;
}
