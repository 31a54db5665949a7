import { ApiProperty } from '@nestjs/swagger';
import { type TwoFactorChannel, TwoFactorChannels } from '@gatehouse/contracts';
import { IsIn } from 'class-validator';

export class SelectTwoFactorChannelDto {
  @ApiProperty({
    enum: TwoFactorChannels,
    description: 'where a 2FA PIN goes first; the others are the failover',
  })
  @IsIn(TwoFactorChannels)
  channel!: TwoFactorChannel;
}
