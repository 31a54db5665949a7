import { ApiProperty } from '@nestjs/swagger';
import { type Permission, Permissions } from '@gatehouse/contracts';
import { ROLE_NAME_MAX_LENGTH } from '@gatehouse/roles-domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length } from 'class-validator';

export class DefineRoleDto {
  @ApiProperty({ example: 'Helpdesk', description: 'unique in the account, ignoring case' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, ROLE_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({
    enum: Permissions,
    isArray: true,
    example: ['users:read'],
    description: 'roles:manage and access:manage stay with the Account admin role',
  })
  @IsArray()
  @ArrayMaxSize(Permissions.length)
  @IsIn(Permissions, { each: true })
  permissions!: Permission[];
}
