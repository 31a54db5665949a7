import { languageTags } from '@gatehouse/contracts';
import { TimeZoneField, IsNameLength } from '@gatehouse/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** Field rules shared by every request that carries user details; each rule has a name the client sees. */
const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class UserDetailsFields {
  @ApiProperty({ example: 'Ada' }) @trim @IsString() @IsNameLength(1, 100) firstName!: string;
  @ApiProperty({ example: 'Lovelace' }) @trim @IsString() @IsNameLength(1, 100) lastName!: string;
  @ApiProperty({ enum: languageTags, example: 'en' })
  @IsIn(languageTags)
  language!: (typeof languageTags)[number];
  @ApiProperty({ example: 'Europe/London' }) @TimeZoneField() timeZone!: string;
}

export class NewUserFields extends UserDetailsFields {
  @ApiProperty({ example: 'ada@example.com' }) @trim @IsEmail() @MaxLength(254) email!: string;

  @ApiProperty({ example: 'ada.lovelace', description: '3–64 letters, digits, dot, dash or underscore' })
  @trim
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, ".", "-" or "_"' })
  username!: string;

  @ApiPropertyOptional({ example: '+447700900123', description: 'E.164' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'mobile must be an E.164 number such as +447700900123' })
  mobile?: string;
}
