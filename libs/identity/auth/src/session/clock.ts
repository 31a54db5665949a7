/**
 * The time sessions are judged by. A port so that expiry tests move time instead of sleeping through
 * a 30-minute idle timeout; every runtime binds the system clock.
 */
export abstract class Clock {
  abstract now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
