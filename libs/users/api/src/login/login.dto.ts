import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'ada.lovelace' }) @IsString() @Length(1, 64) username!: string;
  @ApiProperty({ format: 'password' }) @IsString() @Length(1, 128) password!: string;
}
