import { ApiPropertyOptional } from '@nestjs/swagger';
import { IP_LABEL_MAX_LENGTH } from '@gatehouse/access-control-domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AddCurrentIpDto {
  @ApiPropertyOptional({ example: 'my laptop', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(IP_LABEL_MAX_LENGTH)
  label?: string | null;
}

export interface CurrentIpView {
  /** The caller's address as the server sees it (the socket peer, or the trusted proxy's word). */
  readonly ip: string;
  /** Whether the user's list lets it in (an empty list lets every address in). */
  readonly covered: boolean;
  /**
   * Whether an entry of the list covers it: what "Add current IP" offers to change (product page: the
   * button is disabled when the address is already on the safelist). False for an empty list, which lets
   * the address in without holding it.
   */
  readonly listed: boolean;
}
