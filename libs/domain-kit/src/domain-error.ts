/**
 * A broken business rule. `code` is stable and unique (greppable, mapped once to HTTP);
 * `field` names the input the rule is about, when there is one.
 */
export type DomainErrorKind = 'conflict' | 'not-found' | 'forbidden' | 'unprocessable';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
