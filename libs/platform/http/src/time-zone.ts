import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A time zone Intl knows (`Europe/Berlin`, `UTC`, `EST5EDT`, `Etc/GMT+5`), the rule of every request that
 * carries one: a user's details, and an invite's, which become the invitee's details.
 */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be an IANA time zone such as Europe/Berlin', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isTimeZone(value) },
    });
}

/**
 * A time zone field: kept as Intl spells the zone when only the case differs (`europe/berlin` is stored
 * `Europe/Berlin`), as typed otherwise (a link such as `US/Pacific` stays itself, though Intl would name
 * its target), and then held to IsIanaTimeZone.
 */
export const TimeZoneField = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? timeZoneCase(value) : value)),
    IsIanaTimeZone(),
  );

export function timeZoneCase(value: string): string {
  const named = spelling(value);
  return named !== undefined && named.toLowerCase() === value.toLowerCase() ? named : value;
}

/**
 * Names Intl accepted, each with Intl's own spelling of its zone. Building a formatter to ask costs more
 * than the rest of a create's validation, so it is built once a name; the canonical names are a few
 * hundred, but Intl ignores case, so the map is capped (past it, Intl is asked every time) and a rejected
 * name is never kept.
 */
const knownTimeZones = new Map<string, string>();
const KNOWN_TIME_ZONES_MAX = 2000;

const isTimeZone = (value: string): boolean => spelling(value) !== undefined;

function spelling(value: string): string | undefined {
  const known = knownTimeZones.get(value);
  if (known !== undefined) return known;
  if (value.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return undefined;
  let named: string;
  try {
    named = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (knownTimeZones.size < KNOWN_TIME_ZONES_MAX) knownTimeZones.set(value, named);
  return named;
}
