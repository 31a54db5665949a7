import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { NewUserFields } from '../user-fields';

export class FirstAdminDto extends NewUserFields {
  @ApiProperty({ description: '12–128 characters', format: 'password' })
  @IsString()
  @Length(12, 128)
  password!: string;
}

export class BootstrapAccountDto {
  @ApiProperty({ example: 'Acme Ltd' }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ type: FirstAdminDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => FirstAdminDto)
  admin!: FirstAdminDto;
}
