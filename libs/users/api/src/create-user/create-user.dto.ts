import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsOptional, Matches } from 'class-validator';
import { NewUserFields } from '../user-fields';

export class CreateUserDto extends NewUserFields {
  @ApiPropertyOptional({ type: [String], example: ['developer'] })
  @IsOptional()
  @ArrayMaxSize(20)
  // Whether each role exists in the account's catalog is the roles decider's rule (422 UNKNOWN_ROLE).
  @Matches(/^[a-z0-9-]{1,80}$/, { each: true, message: 'each role must be a role id such as developer' })
  roles?: string[];
}
