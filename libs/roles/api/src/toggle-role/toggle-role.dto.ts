import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class ToggleRoleDto {
  @ApiProperty({ description: 'true grants the role, false removes it' }) @IsBoolean() enabled!: boolean;
}
