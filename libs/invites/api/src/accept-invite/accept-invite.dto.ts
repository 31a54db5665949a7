import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { InviteeNames, trim } from '../invitee-names';

/** Names default to those the inviter gave; one of them missing on both sides is refused (422). */
export class AcceptInviteDto extends InviteeNames {
  @ApiProperty({ description: 'the token from the emailed link' }) @IsString() @Length(1, 200) token!: string;

  @ApiProperty({ example: 'ada.lovelace', description: '3–64 letters, digits, dot, dash or underscore' })
  @trim
  @Matches(/^[A-Za-z0-9._-]{3,64}$/, { message: 'username must be 3–64 letters, digits, ".", "-" or "_"' })
  username!: string;

  @ApiProperty({ format: 'password', description: "at most 128 characters; the account's policy applies" })
  @IsString()
  @Length(1, 128)
  password!: string;
}
