import { IsInstant } from '@gatehouse/http';
import { ApiProperty } from '@nestjs/swagger';

export class UserStateQueryDto {
  @ApiProperty({
    example: '2026-11-30T12:00:00Z',
    description: 'The moment: events that occurred by then count',
  })
  @IsInstant()
  at!: string;
}
