import { lockoutScenarios } from './lockout.scenarios';
import { userEditsScenarios } from './user-edits.scenarios';
import type { LifecycleStack } from './user-lifecycle.kit';
import { userStatusScenarios } from './user-status.scenarios';

export type { LifecycleStack } from './user-lifecycle.kit';

/**
 * The user lifecycle of issue 3 over HTTP — details, contact info, passwords, settings, enable/disable,
 * deletion requests, lockout, unlock and reset — run against embedded and distributed stacks alike.
 * Emails are read from the stack's file outbox.
 */
export function userLifecycleScenarios(stack: () => LifecycleStack): void {
  describe('user lifecycle', () => {
    describe('login attempts and lockout', () => lockoutScenarios(stack));
    describe('edits', () => userEditsScenarios(stack));
    describe('status', () => userStatusScenarios(stack));
  });
}
