import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Max, Min, ValidateNested } from 'class-validator';

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
}
