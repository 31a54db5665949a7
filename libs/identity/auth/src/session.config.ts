import type { Clock } from './session/clock';

/**
 * Key that signs session tokens (≥ 32 bytes of entropy); every service that authenticates needs it. The
 * clock sessions are judged by is the system's unless a test moves time with one of its own.
 */
export abstract class SessionConfig {
  abstract readonly sessionKey: string;
  abstract readonly clock?: Clock;
}
