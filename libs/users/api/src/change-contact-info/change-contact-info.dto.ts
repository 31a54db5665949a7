import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, Matches, MaxLength, ValidateIf } from 'class-validator';

export class ChangeContactInfoDto {
  @ApiProperty({ example: 'ada@example.com' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({
    example: '+447700900123',
    nullable: true,
    type: String,
    description: 'E.164, or null for none',
  })
  @ValidateIf((body: ChangeContactInfoDto) => body.mobile !== null)
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'mobile must be an E.164 number such as +447700900123, or null' })
  mobile!: string | null;
}
