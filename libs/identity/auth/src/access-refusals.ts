import { DomainError } from '@gatehouse/domain-kit';

/**
 * Refusals of the edge once a credential is proven. They name the rule and nothing of the user's list:
 * whoever calls from outside it learns only that this address is not allowed.
 */
export const AccessRefusals = {
  ipNotAllowed: () =>
    new DomainError(
      'IP_NOT_ALLOWED',
      'forbidden',
      "the user's IP safelist does not allow requests from this address",
    ),
};
