import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Lengths here only bound the input; the account's password policy names the rules a password breaks. */
export class ChangePasswordDto {
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 128) currentPassword!: string;
  @ApiProperty({ format: 'password', description: "at most 128 characters; the account's policy applies" })
  @IsString()
  @Length(1, 128)
  newPassword!: string;
}
