import { IsInstant } from '@gatehouse/http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_NAME_MAX_LENGTH } from '@gatehouse/access-control-domain';
import { type Permission, Permissions } from '@gatehouse/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ExpiryDto {
  @ApiProperty({
    example: '2027-06-01T00:00:00Z',
    description: 'required; in the future and at most 365 days from now',
  })
  @IsInstant()
  expiresAt!: string;
}

export class IssueApiKeyDto extends ExpiryDto {
  @ApiProperty({ example: 'CI deploys', description: "unique among the user's live keys, ignoring case" })
  @IsString()
  @MaxLength(API_KEY_NAME_MAX_LENGTH)
  name!: string;

  @ApiPropertyOptional({
    enum: Permissions,
    isArray: true,
    description: "narrower than the owner's permissions; left out, the key acts with all of them",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Permissions.length)
  @IsIn(Permissions, { each: true })
  permissions?: Permission[];
}

/** A key as listed: everything but the key itself, which is shown once, when issued or rotated. */
export interface ApiKeyView {
  readonly keyId: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly permissions: readonly Permission[] | null;
}

export interface IssuedApiKeyView extends ApiKeyView {
  /** The key: shown this once and never again (only its hash is kept). */
  readonly key: string;
}
