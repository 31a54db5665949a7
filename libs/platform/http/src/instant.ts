import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

const FIRST = Date.parse('0001-01-01T00:00:00.000Z');
const LAST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An instant in ISO 8601 that a request may carry: a date, or a date and time, of a calendar year 1 to
 * 9999. ISO 8601 alone lets through forms JavaScript cannot read (`20261201`, `2026-W01`: no Date) and
 * years PostgreSQL refuses (0) or that do not sort as text (past 9999), each a 500 further in.
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message:
          '$property must be an ISO 8601 date and time, such as 2026-12-01T12:00:00Z, of the years 1 to 9999',
        ...options,
      },
      validator: { validate: isInstant },
    });
}

export function isInstant(value: unknown): boolean {
  if (typeof value !== 'string' || !isISO8601(value, { strict: true })) return false;
  const time = Date.parse(value);
  return time >= FIRST && time <= LAST;
}
