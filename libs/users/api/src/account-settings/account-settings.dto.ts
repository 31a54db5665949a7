import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class PasswordPolicyDto {
  @ApiProperty({ minimum: 8, maximum: 128, example: 12 }) @IsInt() @Min(8) @Max(128) minLength!: number;

  @ApiProperty({
    minimum: 1,
    maximum: 4,
    example: 3,
    description: 'how many of lowercase, uppercase, digits and symbols a password must mix',
  })
  @IsInt()
  @Min(1)
  @Max(4)
  minCharacterClasses!: number;
}

export class LockoutDto {
  @ApiProperty({ minimum: 1, maximum: 100, example: 5 }) @IsInt() @Min(1) @Max(100) maxFailures!: number;
  @ApiProperty({ minimum: 1, maximum: 1440, example: 15 }) @IsInt() @Min(1) @Max(1440) windowMinutes!: number;
}

export class SessionPolicyDto {
  @ApiProperty({ minimum: 1, maximum: 1440, example: 30, description: 'minutes without a request' })
  @IsInt()
  @Min(1)
  @Max(1440)
  idleTimeoutMinutes!: number;

  @ApiProperty({
    minimum: 5,
    maximum: 43200,
    example: 720,
    description: 'minutes after login, however active',
  })
  @IsInt()
  @Min(5)
  @Max(43200)
  absoluteLifetimeMinutes!: number;
}

export class AccountSettingsDto {
  @ApiProperty({ type: PasswordPolicyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => PasswordPolicyDto)
  passwordPolicy!: PasswordPolicyDto;

  @ApiProperty({ type: LockoutDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => LockoutDto)
  lockout!: LockoutDto;

  @ApiProperty({
    type: SessionPolicyDto,
    required: false,
    description: 'left out: the policy stays as it is',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SessionPolicyDto)
  sessions?: SessionPolicyDto;
}
