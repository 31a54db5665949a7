import { UnauthorizedException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * What a request presents in its Authorization header: a bearer token (a session token or an API key) or
 * HTTP basic credentials (RFC 7617), a username and password.
 */
export type Credential =
  | { readonly scheme: 'bearer'; readonly token: string }
  | { readonly scheme: 'basic'; readonly username: string; readonly password: string };

/** The login form's bounds: longer values cannot be anyone's, and are not worth a hash. */
const MAX_USERNAME = 64;
const MAX_PASSWORD = 128;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function credentialOf(request: FastifyRequest): Credential | null {
  const match = /^(Bearer|Basic)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  if (match[1].toLowerCase() === 'bearer') return { scheme: 'bearer', token: match[2] };
  return basicCredential(match[2]);
}

/** `base64(username:password)`: the username ends at the first colon, the password may hold more. */
export function basicCredential(encoded: string): Credential | null {
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  const username = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (username.length > MAX_USERNAME || password.length === 0 || password.length > MAX_PASSWORD) return null;
  return { scheme: 'basic', username, password };
}

/**
 * One answer for every refused username and password, at login and over basic authentication alike:
 * unknown user, wrong password, disabled, locked, outside the IP safelist, protocol not allowed. So a
 * caller learns neither which usernames exist nor whether a guessed password was right.
 */
export const credentialsRefused = (): UnauthorizedException =>
  new UnauthorizedException('the username or password is wrong');

/** Sent with a refused basic credential, so clients (curl, browsers) know the scheme to retry with. */
export const BASIC_CHALLENGE = 'Basic realm="gatehouse", charset="UTF-8"';
