import type { LanguageTag } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { InvalidInput } from '@gatehouse/http';
import { formatMessage, type MessageKey } from '@gatehouse/notifications';

/** What a page shows for a refusal: the link is unusable (no form), or a field needs another value. */
export type PageRefusal =
  | { readonly kind: 'link' }
  | { readonly kind: 'field'; readonly message: string; readonly field?: string };

/**
 * Reads a use case's refusal for a page. A refused token, and any rule about the link's holder rather than
 * the form (disabled, locked), reads as the one uniform "link cannot be used"; a password rule, a taken
 * username or an invalid field names the field in the page's language. Anything else is no refusal
 * (null): the caller answers it as a failure of ours.
 */
export function pageRefusalOf(
  error: unknown,
  language: LanguageTag,
  labels: Readonly<Record<string, MessageKey>>,
): PageRefusal | null {
  const fieldError = (field: string, key: MessageKey = 'page.error.field'): PageRefusal => ({
    kind: 'field',
    field,
    message: formatMessage(language, key, { field: formatMessage(language, labels[field]) }),
  });
  if (error instanceof InvalidInput) {
    const field = error.fields.map((each) => each.field).find((name) => Object.hasOwn(labels, name));
    return field ? fieldError(field) : { kind: 'link' };
  }
  if (!(error instanceof DomainError)) return null;
  const field = error.field && Object.hasOwn(labels, error.field) ? error.field : undefined;
  if (!field) return { kind: 'link' };
  if (error.code.startsWith('PASSWORD_')) return fieldError(field, 'page.error.password-policy');
  if (error.code === 'USERNAME_TAKEN') return fieldError(field, 'page.error.username-taken');
  return fieldError(field);
}
