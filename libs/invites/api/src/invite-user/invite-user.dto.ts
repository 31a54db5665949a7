import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiProtocols, languageTags } from '@gatehouse/contracts';
import { IsIanaTimeZone } from '@gatehouse/http';
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

/**
 * Carried, not applied: the access-control context applies them when the user exists. The invite decider
 * holds them to that context's rules (a loose shape here, the exact rule and its reason there: 422).
 */
export class InviteAccessControlsDto {
  @ApiPropertyOptional({ type: [String], example: ['203.0.113.0/24'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[0-9A-Fa-f.:]{2,45}(\/\d{1,3})?$/, {
    each: true,
    message: 'each entry must be an IP address or CIDR range',
  })
  ipSafelist?: string[];

  @ApiPropertyOptional({ type: [String], enum: ApiProtocols, example: ['http'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(ApiProtocols, {
    each: true,
    message: `each entry must be an API access protocol: ${ApiProtocols.join(', ')}`,
  })
  apiAccess?: string[];
}

export class InviteUserDto extends InviteeNames {
  @ApiProperty({ example: 'ada@example.com' }) @trim @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ enum: languageTags, example: 'en' })
  @IsIn(languageTags)
  language!: (typeof languageTags)[number];
  @ApiProperty({ example: 'Europe/London' })
  @IsIanaTimeZone()
  timeZone!: string;

  @ApiProperty({ type: [String], example: ['developer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  // Whether each role is in the account's catalog is the invite decider's rule (422 UNKNOWN_ROLE).
  @Matches(/^[a-z0-9-]{1,80}$/, { each: true, message: 'each role must be a role id such as developer' })
  roles!: string[];

  @ApiPropertyOptional({ type: InviteAccessControlsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InviteAccessControlsDto)
  accessControls?: InviteAccessControlsDto;
}
