import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsOptional, IsString, MaxLength } from 'class-validator';

/** Transforms and parameters of the lists' query strings, shared by the users and the invites lists. */

/** `a,b` and `?x=a&x=b` both give ['a', 'b']. */
export const commaList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((item) => String(item).split(','))
    .filter((item) => item !== '');

/** `true` and `false` as booleans; anything else is left for the validator to refuse. */
export const booleanFlag = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A filter on role ids, any of them: `a,b` or the parameter repeated. */
export const RoleIdsFilter = (description: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description, example: 'support,developer' }),
    IsOptional(),
    Transform(commaList),
    ArrayMaxSize(50),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
  );
