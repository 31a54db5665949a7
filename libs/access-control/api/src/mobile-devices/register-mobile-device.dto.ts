import { ApiProperty } from '@nestjs/swagger';
import { MOBILE_DEVICE_NAME_MAX_LENGTH } from '@gatehouse/access-control-domain';
import { type MobilePlatform, MobilePlatforms } from '@gatehouse/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';

export class RegisterMobileDeviceDto {
  @ApiProperty({ example: 'Work phone', description: "unique among the user's devices, ignoring case" })
  @IsString()
  @MaxLength(MOBILE_DEVICE_NAME_MAX_LENGTH)
  name!: string;

  @ApiProperty({ enum: MobilePlatforms, description: 'the Conversations app the device runs' })
  @IsIn(MobilePlatforms)
  platform!: MobilePlatform;
}
