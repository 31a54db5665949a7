import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'the token from the emailed link' }) @IsString() @Length(1, 200) token!: string;
  @ApiProperty({ format: 'password', description: "at most 128 characters; the account's policy applies" })
  @IsString()
  @Length(1, 128)
  newPassword!: string;
}
