import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { languageTags } from '@gatehouse/contracts';
import { InitialAccessControlsDto, TimeZoneField } from '@gatehouse/http';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { InviteeNames, trim } from '../invitee-names';

export class InviteUserDto extends InviteeNames {
  @ApiProperty({ example: 'ada@example.com' }) @trim @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ enum: languageTags, example: 'en' })
  @IsIn(languageTags)
  language!: (typeof languageTags)[number];
  @ApiProperty({ example: 'Europe/London' })
  @TimeZoneField()
  timeZone!: string;

  @ApiProperty({ type: [String], example: ['developer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  // Whether each role is in the account's catalog is the invite decider's rule (422 UNKNOWN_ROLE).
  @Matches(/^[a-z0-9-]{1,80}$/, { each: true, message: 'each role must be a role id such as developer' })
  roles!: string[];

  @ApiPropertyOptional({ type: InitialAccessControlsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InitialAccessControlsDto)
  accessControls?: InitialAccessControlsDto;
}
