import { ApiPropertyOptional } from '@nestjs/swagger';
import { ApiProtocols } from '@gatehouse/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, Matches } from 'class-validator';

/**
 * Access controls chosen for a user before it exists, by an invite or by the admin creating the user.
 * Carried, not applied: the access-control context applies them when the user exists. The decider that
 * records them holds them to that context's rules (a loose shape here, the exact rule and its reason
 * there: 422, initial-access-controls.ts in the identity lib).
 */
export class InitialAccessControlsDto {
  @ApiPropertyOptional({ type: [String], example: ['203.0.113.0/24'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @Matches(/^[0-9A-Fa-f.:]{2,45}(\/\d{1,3})?$/, {
    each: true,
    message: 'each entry must be an IP address or CIDR range',
  })
  ipSafelist?: string[];

  @ApiPropertyOptional({ type: [String], enum: ApiProtocols, example: ['http'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(ApiProtocols, {
    each: true,
    message: `each entry must be an API access protocol: ${ApiProtocols.join(', ')}`,
  })
  apiAccess?: string[];
}
