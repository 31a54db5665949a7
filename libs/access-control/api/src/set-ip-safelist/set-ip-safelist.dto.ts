import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IP_LABEL_MAX_LENGTH } from '@gatehouse/access-control-domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class IpSafelistEntryDto {
  @ApiProperty({ example: '203.0.113.0/24', description: 'an IPv4 or IPv6 address or CIDR range' })
  @IsString()
  @MaxLength(64)
  address!: string;

  @ApiPropertyOptional({ example: 'office', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(IP_LABEL_MAX_LENGTH)
  label?: string | null;
}

export class SetIpSafelistDto {
  @ApiProperty({
    type: [IpSafelistEntryDto],
    description: 'the whole list (at most 100 distinct entries); empty allows every address',
  })
  @IsArray()
  // Repeats are folded into one entry, so a list may be given longer than it is stored; not unbounded.
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => IpSafelistEntryDto)
  entries!: IpSafelistEntryDto[];
}
