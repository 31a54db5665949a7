import { Injectable } from '@nestjs/common';
import { normaliseUsername } from '@gatehouse/identity-domain';
import { createHmac } from 'node:crypto';

/**
 * Key of the hash that names username reservation streams (≥ 32 bytes of entropy). Stream ids become
 * Kafka keys and outlive people: a keyed hash keeps usernames out of them, and a leaked stream id cannot
 * be checked against a list of names without the key. Changing it orphans every reservation. Every
 * service holds it: HTTP basic authentication finds a user by their username's reservation.
 */
export abstract class ReservationConfig {
  abstract readonly reservationKey: string;
}

/**
 * Whom an unknown username is checked as: no user has this id (ids are UUIDv7, whose time field this
 * predates), so its streams are empty and its password is the stand-in, read as a real user's would be
 * — the same store round trips — while filling no cache with one entry per guessed name.
 */
export const NOBODY = '00000000-0000-7000-8000-000000000000';

/** Reservation streams named by HMAC-SHA256 of the normalised username: 64 hex characters. */
export const HASHED_PREFIX = 'username-hmac-';
const LEGACY_PREFIX = 'username-';

/**
 * Before 2026-12 a reservation stream was named by the username itself (`username-<name>`). Usernames
 * are at most 64 characters, so a legacy id is never as long as a hashed one (`hmac-` + 64).
 */
export const isLegacyReservation = (streamId: string): boolean =>
  streamId.startsWith(LEGACY_PREFIX) && streamId.length - LEGACY_PREFIX.length <= 64;

/** Where a username's reservation lives. */
@Injectable()
export class UsernameReservations {
  constructor(private readonly config: ReservationConfig) {}

  streamIdOf(username: string): string {
    const digest = createHmac('sha256', this.config.reservationKey).update(normaliseUsername(username));
    return `${HASHED_PREFIX}${digest.digest('hex')}`;
  }
}
