import { randomBytes, timingSafeEqual } from 'node:crypto';
import { serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'gatehouse_csrf';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Double-submit CSRF protection: the form carries the value of a cookie only this origin can set and a
 * cross-site post never carries (SameSite=Strict, HttpOnly), and a post is taken only when both agree. A
 * page keeps the cookie it already has, so two open tabs both post.
 */
export function csrfTokenFor(request: FastifyRequest, response: FastifyReply, secure: boolean): string {
  const known = cookieOf(request);
  if (known) return known;
  const token = randomBytes(32).toString('base64url');
  response.header(
    'set-cookie',
    serialize(COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' }),
  );
  return token;
}

export function csrfMatches(request: FastifyRequest, submitted: unknown): boolean {
  const known = cookieOf(request);
  if (!known || typeof submitted !== 'string' || !TOKEN.test(submitted)) return false;
  return timingSafeEqual(Buffer.from(known), Buffer.from(submitted));
}

function cookieOf(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === COOKIE && value !== undefined && TOKEN.test(value)) return value;
  }
  return null;
}
