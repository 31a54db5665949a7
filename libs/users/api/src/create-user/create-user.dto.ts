import { ApiPropertyOptional } from '@nestjs/swagger';
import { InitialAccessControlsDto } from '@gatehouse/http';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { NewUserFields } from '../user-fields';

export class CreateUserDto extends NewUserFields {
  @ApiPropertyOptional({ type: [String], example: ['developer'] })
  // Left out means none; null is not a list of roles (IsOptional would let it through to the handler).
  @ValidateIf((_body, value) => value !== undefined)
  @IsArray()
  @ArrayMaxSize(20)
  // Whether each role exists in the account's catalog is the roles decider's rule (422 UNKNOWN_ROLE).
  @Matches(/^[a-z0-9-]{1,80}$/, { each: true, message: 'each role must be a role id such as developer' })
  roles?: string[];

  /** The product page's optional step "Configure access controls" (IP safelist, API access protocols). */
  @ApiPropertyOptional({ type: InitialAccessControlsDto })
  @ValidateIf((_body, value) => value !== undefined)
  @ValidateNested()
  @Type(() => InitialAccessControlsDto)
  accessControls?: InitialAccessControlsDto;
}
