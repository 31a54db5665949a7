import { Logger, type Type } from '@nestjs/common';
import type { LanguageTag } from '@gatehouse/contracts';
import { createValidationPipe } from '@gatehouse/http';
import { formatMessage, type MessageKey } from '@gatehouse/notifications';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, csrfTokenFor } from './csrf';
import { applyPageHeaders } from './page-headers';
import { type PageField, renderFormPage, renderMessagePage } from './page-html';
import { pageLanguage } from './page-language';
import { pageRefusalOf } from './page-errors';

const logger = new Logger('pages');

/** A page an emailed link opens: `<path>?token=…&lang=…`, one form that posts the token back. */
export interface TokenPage {
  readonly path: string;
  readonly title: MessageKey;
  readonly intro: MessageKey;
  readonly submit: MessageKey;
  readonly done: MessageKey;
  /** The form's fields, filled with what the holder or the last post gave (never a password). */
  readonly fields: (values: Readonly<Record<string, string>>) => PageField[];
  /** Use-case field names → their label: a refusal naming one is shown on that field. */
  readonly labels: Readonly<Record<string, MessageKey>>;
  /** Cookies only over HTTPS when the public URL is HTTPS. */
  readonly secureCookies: boolean;
}

/** Who a token is for, while it can still be used: their language, and values to prefill. */
export interface TokenHolder {
  readonly language: string;
  readonly values?: Readonly<Record<string, string>>;
}

type Holder = (token: string) => Promise<TokenHolder | null>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function send(response: FastifyReply, status: number, html: string): void {
  applyPageHeaders(response);
  response.status(status).send(html);
}

function linkRefused(response: FastifyReply, page: TokenPage, language: LanguageTag): void {
  const message = formatMessage(language, 'page.error.link');
  send(response, 422, renderMessagePage({ language, title: page.title, message, kind: 'error' }));
}

function form(
  request: FastifyRequest,
  response: FastifyReply,
  page: TokenPage,
  state: { language: LanguageTag; token: string; values: Record<string, string>; status: number },
  error?: { message: string; field?: string },
): void {
  const csrf = csrfTokenFor(request, response, page.secureCookies);
  const html = renderFormPage({
    language: state.language,
    title: page.title,
    intro: page.intro,
    action: page.path,
    hidden: { token: state.token, lang: state.language, csrf },
    fields: page.fields(state.values),
    submit: page.submit,
    error: error?.message,
    invalidField: error?.field,
  });
  send(response, state.status, html);
}

/** GET: the form in the holder's language, or the uniform refusal when the link cannot be used. */
export async function showTokenPage(
  page: TokenPage,
  request: FastifyRequest,
  response: FastifyReply,
  holderOf: Holder,
): Promise<void> {
  const query = request.query as Record<string, unknown>;
  const token = text(query['token']);
  const holder = token ? await holderOf(token) : null;
  const language = pageLanguage(holder?.language, query['lang']);
  if (!holder) return linkRefused(response, page, language);
  form(request, response, page, { language, token, values: { ...holder.values }, status: 200 });
}

/**
 * POST: the CSRF check, then the use case itself (`submit`, given the form's fields). A refusal is shown
 * on the form, in the holder's language; the form keeps what was typed except passwords.
 */
export async function submitTokenPage(
  page: TokenPage,
  request: FastifyRequest,
  response: FastifyReply,
  holderOf: Holder,
  submit: (token: string, fields: Readonly<Record<string, string>>) => Promise<void>,
): Promise<void> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const token = text(body['token']);
  const holder = token ? await holderOf(token) : null;
  const language = pageLanguage(holder?.language, body['lang']);
  const names = page.fields({}).map((each) => each.name);
  const fields = Object.fromEntries(names.map((name) => [name, text(body[name])]));
  const kept = Object.fromEntries(
    page.fields({}).flatMap((each) => (each.type === 'text' ? [[each.name, fields[each.name]]] : [])),
  );
  const state = { language, token, values: kept, status: 403 };
  if (!csrfMatches(request, body['csrf'])) {
    return form(request, response, page, state, {
      message: formatMessage(language, 'page.error.form-expired'),
    });
  }
  if (!holder) return linkRefused(response, page, language);
  try {
    await submit(token, fields);
  } catch (error) {
    const refusal = pageRefusalOf(error, language, page.labels);
    if (!refusal) {
      logger.error(`${page.path} failed: ${error instanceof Error ? error.name : 'unknown error'}`);
      const message = formatMessage(language, 'page.error.unavailable');
      return send(response, 500, renderMessagePage({ language, title: page.title, message, kind: 'error' }));
    }
    if (refusal.kind === 'link') return linkRefused(response, page, language);
    return form(request, response, page, { ...state, status: 422 }, refusal);
  }
  const message = formatMessage(language, page.done);
  send(response, 200, renderMessagePage({ language, title: 'page.done.title', message, kind: 'done' }));
}

/** A form's fields checked by the use case's own DTO and its rules, as its API endpoint checks a body. */
export function validForm<T extends object>(metatype: Type<T>, value: Record<string, unknown>): Promise<T> {
  return createValidationPipe().transform(value, { type: 'body', metatype }) as Promise<T>;
}
