import type { DomainEvent } from '@gatehouse/contracts';

/** How a stream's events fold into a state: a read-only view of a stream, or the fold half of a decider. */
export interface View<State, Event extends DomainEvent> {
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  /**
   * The name under which folded states of a long stream may be saved and reused (a snapshot); absent:
   * always folded from the start. A new name whenever `evolve` or the state's shape changes, so a state
   * folded by older code is never taken for one of this code.
   */
  readonly snapshot?: string;
}

/** A pure aggregate: commands in, events out. No I/O, no clock, no id generation inside. */
export interface Decider<Command, State, Event extends DomainEvent> extends View<State, Event> {
  readonly decide: (command: Command, state: State) => readonly Event[];
}

export function fold<State, Event>(
  evolve: (state: State, event: Event) => State,
  initial: State,
  events: readonly Event[],
): State {
  return events.reduce(evolve, initial);
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
