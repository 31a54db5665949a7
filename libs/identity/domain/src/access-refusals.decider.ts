import type { AccessRefused, RefusalEvent, RefusalReason } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';

/** At most one refusal of a user is stored per reason in this window; the rest are counted. */
export const REFUSAL_WINDOW_MS = 60_000;

/**
 * A refusal of a known user's credential to record, as the event would store it: `suppressed` is how many
 * refusals of this reason the recording process held back since its last record (its in-process
 * pre-filter); `at` is the refusal's time by the process's clock.
 */
export interface RecordRefusal {
  readonly type: 'RecordRefusal';
  readonly refusal: AccessRefused['data'];
}

/** When each reason was last recorded on the user's `refusals-<userId>` stream. */
export interface RefusalsState {
  readonly lastRecorded: ReadonlyMap<RefusalReason, string>;
}

/**
 * Decided from the stream itself, so the bound holds across processes: two that record the same reason at
 * once append at the version they read, the loser re-reads, finds the winner's record inside the window
 * and appends nothing. A refusal inside the window (or dated before the last record, by a process whose
 * clock runs behind) is not stored: its process keeps counting it and carries the count on its next
 * record.
 */
export function decideRefusal(command: RecordRefusal, state: RefusalsState): AccessRefused[] {
  const { refusal } = command;
  const last = state.lastRecorded.get(refusal.reason);
  if (last !== undefined && Date.parse(refusal.at) - Date.parse(last) < REFUSAL_WINDOW_MS) return [];
  return [{ type: 'AccessRefused', data: refusal }];
}

export const accessRefusalsDecider: Decider<RecordRefusal, RefusalsState, RefusalEvent> = {
  initialState: () => ({ lastRecorded: new Map() }),
  evolve: (state, event) => ({
    lastRecorded: new Map(state.lastRecorded).set(event.data.reason, event.data.at),
  }),
  decide: decideRefusal,
};

/** Until when refusals of `reason` are only counted, judged by the stream's last record of it. */
export function refusalWindowEnd(state: RefusalsState, reason: RefusalReason): number | null {
  const last = state.lastRecorded.get(reason);
  return last === undefined ? null : Date.parse(last) + REFUSAL_WINDOW_MS;
}
