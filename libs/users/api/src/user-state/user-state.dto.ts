import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class UserStateQueryDto {
  @ApiProperty({
    example: '2026-11-30T12:00:00Z',
    description: 'The moment: events that occurred by then count',
  })
  @IsISO8601({ strict: true })
  at!: string;
}
