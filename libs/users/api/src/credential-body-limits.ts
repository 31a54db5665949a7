import type { RouteBodyLimit } from '@gatehouse/http';
import { passwordPageForms } from './password-pages/password-links';

/**
 * Routes that take a password hold a few short fields: 4 KiB is ample, and a bigger body is refused
 * before anything is parsed or hashed (docs/limits.md).
 */
export const credentialBodyLimits: readonly RouteBodyLimit[] = [
  { method: 'POST', path: /^\/v1\/sessions\/?$/, bytes: 4 * 1024 },
  { method: 'POST', path: /^\/v1\/password-resets\/?$/, bytes: 4 * 1024 },
  { method: 'POST', path: /^\/v1\/accounts\/[^/]+\/users\/[^/]+\/password\/?$/, bytes: 4 * 1024 },
  ...passwordPageForms,
];
