import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { builtInRoleIds } from '@gatehouse/users-domain';
import { NewUserFields } from '../user-fields';

export class CreateUserDto extends NewUserFields {
  @ApiPropertyOptional({ type: [String], example: ['developer'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsIn(builtInRoleIds, { each: true })
  roles?: string[];
}
