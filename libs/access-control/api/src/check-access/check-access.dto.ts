import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ApiProtocol, ApiProtocols } from '@gatehouse/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsIP, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

/** `{ apiKey }` or `{ username, password }`: what the platform service's own client presented. */
export class CheckedCredentialDto {
  @ApiPropertyOptional({ example: 'ghk_…', description: 'an API key; or give username and password' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  apiKey?: string;

  @ApiPropertyOptional({ example: 'ada.lovelace' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  username?: string;

  @ApiPropertyOptional({ format: 'password' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  password?: string;
}

export class CheckAccessDto {
  @ApiProperty({ type: CheckedCredentialDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CheckedCredentialDto)
  credential!: CheckedCredentialDto;

  @ApiProperty({
    enum: ApiProtocols,
    description: 'the protocol the client used; basic credentials need it allowed',
  })
  @IsIn(ApiProtocols)
  protocol!: ApiProtocol;

  @ApiProperty({ example: '203.0.113.7', description: "the client's address as the platform service saw it" })
  @IsIP()
  clientIp!: string;
}
