import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** The pages' one stylesheet, inline and allowed by its hash: no request, no third party, no script. */
export const PAGE_STYLE = [
  ':root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}',
  'body{margin:0;padding:2rem 1rem;display:flex;justify-content:center}',
  'main{width:100%;max-width:26rem}',
  'h1{font-size:1.5rem;margin:0 0 .5rem}',
  'form{display:grid;gap:.25rem}',
  'label{font-weight:600;margin-top:.75rem}',
  'input{font:inherit;padding:.5rem;border:1px solid #888;border-radius:.25rem}',
  'input[aria-invalid=true]{border-color:#c00}',
  '.hint{font-size:.875rem;opacity:.8;margin:0}',
  'button{font:inherit;margin-top:1.25rem;padding:.6rem;border:0;border-radius:.25rem;background:#2456a6;color:#fff;cursor:pointer}',
  '.error{border-inline-start:.25rem solid #c00;padding:.5rem .75rem;background:#c001}',
  '.done{border-inline-start:.25rem solid #1a7f37;padding:.5rem .75rem;background:#1a7f3711}',
].join('');

const styleHash = createHash('sha256').update(PAGE_STYLE).digest('base64');

/**
 * Nothing loads but the page and its hashed style: no script at all, forms post only to this origin, no
 * framing, no base rewriting.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * Headers of every page: the CSP, no framing (old browsers read X-Frame-Options), no Referer (the page's
 * URL holds a token until its form is sent), no caching of a page holding a token, no MIME sniffing.
 */
export function applyPageHeaders(response: FastifyReply): void {
  response.header('Content-Security-Policy', PAGE_CSP);
  response.header('X-Frame-Options', 'DENY');
  response.header('Referrer-Policy', 'no-referrer');
  response.header('X-Content-Type-Options', 'nosniff');
  response.header('Cache-Control', 'no-store');
  response.header('Cross-Origin-Opener-Policy', 'same-origin');
  response.type('text/html; charset=utf-8');
}
