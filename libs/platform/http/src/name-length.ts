import { registerDecorator, type ValidationOptions } from 'class-validator';

/**
 * A name's length in code points, as the domain counts it (docs/limits.md, "Names"), not in UTF-16 units
 * as class-validator's Length does: a name written in letters outside the Basic Multilingual Plane (many
 * CJK ideographs, historic scripts) would be refused at half the length the domain allows. The rule keeps
 * Length's name, the one clients already see.
 */
export function IsNameLength(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLength',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must have ${min} to ${max} characters`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const length = [...value].length;
          return length >= min && length <= max;
        },
      },
    });
}
