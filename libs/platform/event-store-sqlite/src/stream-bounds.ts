import type { StreamRead } from '@gatehouse/event-store';
import { LRUCache } from 'lru-cache';

/** How many streams' version bounds are kept: twice what a state cache holds by default. */
const STREAM_BOUNDS = 20_000;

/**
 * For streams lately read or written through one connection, a version no event of the stream is past: a
 * read from beyond it has nothing to find and runs no statement. The state cache reads the ~5 streams of
 * every request from just past what it holds, and almost always finds nothing (the read was 4 % of an
 * embedded get_user at C=16). Every append raises its stream's bound before it commits; a write rolled back
 * leaves a bound too high, which only costs a read.
 *
 * `at` is the table's newest global position the bounds account for, or -1. Another connection (a process
 * sharing the file) appends past it, and the bounds are dropped at the next read (`check`); an append that
 * does not follow it (another connection's came first), or a write rolled back (whose position another
 * connection may take next), sets -1.
 */
export class StreamBounds {
  private readonly bounds = new LRUCache<string, number>({ max: STREAM_BOUNDS });

  /** `at`: the table's newest position when the bounds are made, none of them known yet. */
  constructor(private at: number) {}

  /** Drops the bounds when the table holds an event they do not account for: another connection appended. */
  check(newest: number): void {
    if (newest === this.at) return;
    this.bounds.clear();
    this.at = newest;
  }

  mayHaveEvents({ streamId, fromPosition }: StreamRead): boolean {
    const bound = this.bounds.get(streamId);
    return bound === undefined || bound >= fromPosition;
  }

  /** A read found the stream's events up to `version` (or none from `version + 1`). */
  read(streamId: string, version: number): void {
    this.bounds.set(streamId, version);
  }

  /** An append through this connection put the stream's event `version` at global position `position`. */
  appended(streamId: string, version: number, position: number): void {
    this.at = position === this.at + 1 ? position : -1;
    this.bounds.set(streamId, version);
  }

  rolledBack(): void {
    this.at = -1;
  }
}
