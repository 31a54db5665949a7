import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { InitialAccessControls, InvitedUserRequest } from '@gatehouse/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
} from 'class-validator';
import { NewUserFields } from '../user-fields';

/** The invites service's request; the invites service already validated it against its own rules. */
export class CreateInvitedUserDto
  extends NewUserFields
  implements Omit<InvitedUserRequest, 'accessControls'>
{
  @ApiProperty() @IsUUID() inviteId!: string;

  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 128) password!: string;

  @ApiProperty({ type: [String] })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9-]{1,80}$/, { each: true, message: 'each role must be a role id such as developer' })
  roles!: string[];

  @ApiPropertyOptional({ description: 'carried into UserCreated for the access-control context' })
  @IsOptional()
  @IsObject()
  accessControls?: InitialAccessControls | null;
}
