import { BadRequestException, type ValidationError, ValidationPipe } from '@nestjs/common';
import { type ProblemField } from './problem';

/** Thrown for invalid input; the filter turns it into a 400 naming every field and the rule it broke. */
export class InvalidInput extends BadRequestException {
  constructor(readonly fields: ProblemField[]) {
    super('the request is invalid');
  }
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ProblemField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Strict: unknown properties are refused, not silently dropped, so a typo never becomes a no-op. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInput(flattenValidationErrors(errors)),
  });
}
