import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, Matches, ValidateIf } from 'class-validator';
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
}
