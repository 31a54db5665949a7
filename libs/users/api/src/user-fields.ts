import { languageTags } from '@gatehouse/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';

/** Field rules shared by every request that carries user details; each rule has a name the client sees. */
const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Europe/Berlin', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimeZone(value) },
    });
}

/**
 * Names Intl accepted. Building a formatter to ask costs more than the rest of a create's validation;
 * the canonical names are a few hundred, but Intl ignores case, so the set is capped (past it, Intl is
 * asked every time) and a rejected name is never kept.
 */
const knownTimeZones = new Set<string>();
const KNOWN_TIME_ZONES_MAX = 2000;

function isTimeZone(value: string): boolean {
  if (knownTimeZones.has(value)) return true;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  if (knownTimeZones.size < KNOWN_TIME_ZONES_MAX) knownTimeZones.add(value);
  return true;
}

export class UserDetailsFields {
  @ApiProperty({ example: 'Ada' }) @trim @IsString() @Length(1, 100) firstName!: string;
  @ApiProperty({ example: 'Lovelace' }) @trim @IsString() @Length(1, 100) lastName!: string;
  @ApiProperty({ enum: languageTags, example: 'en' })
  @IsIn(languageTags)
  language!: (typeof languageTags)[number];
  @ApiProperty({ example: 'Europe/London' }) @IsIanaTimeZone() timeZone!: string;
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
