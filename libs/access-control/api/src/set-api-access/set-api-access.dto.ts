import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class SetApiAccessDto {
  @ApiPropertyOptional({ description: 'basic authentication over HTTP allowed' })
  @IsOptional()
  @IsBoolean()
  http?: boolean;

  @ApiPropertyOptional({ description: 'basic authentication over SMPP allowed' })
  @IsOptional()
  @IsBoolean()
  smpp?: boolean;
}
