import type { DomainEvent } from '@gatehouse/contracts';
import { type Decider, DomainError, fold } from '@gatehouse/domain-kit';

/**
 * given(events).when(command).then(events) / .thenThrows(code): a decider spec reads as the rule it proves.
 * Pure: no store, no mocks — the decider folds the given events and decides the command.
 */
export function deciderSpec<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
) {
  return {
    given(events: readonly Event[]) {
      return {
        when(command: Command) {
          const run = () => decider.decide(command, fold(decider.evolve, decider.initialState(), events));
          return {
            then(expected: readonly Event[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string): void {
              let thrown: unknown;
              try {
                run();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(DomainError);
              expect((thrown as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
