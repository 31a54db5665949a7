/** Bearer token of the platform operator, who alone may open new accounts (users service only). */
export abstract class OperatorConfig {
  abstract readonly operatorToken: string;
}

/**
 * Key of the hash that names username reservation streams (≥ 32 bytes of entropy). Stream ids become
 * Kafka keys and outlive people: a keyed hash keeps usernames out of them, and a leaked stream id cannot
 * be checked against a list of names without the key. Changing it orphans every reservation.
 */
export abstract class ReservationConfig {
  abstract readonly reservationKey: string;
}
