export * from './role-definitions';
export * from './role-catalog.view';
export * from './role-assignments.view';
export * from './principal-user.view';
export * from './ip-match';
export * from './access.view';
export * from './username-owner.view';
export * from './session-policy.view';
