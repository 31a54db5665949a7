import type { LanguageTag } from '@gatehouse/contracts';
import { formatMessage, type MessageKey } from '@gatehouse/notifications';
import { PAGE_STYLE } from './page-headers';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text and attribute values alike: every character that could end either is escaped. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => entities[char]);

const RIGHT_TO_LEFT: ReadonlySet<LanguageTag> = new Set(['ar']);

export interface PageField {
  readonly name: string;
  readonly label: MessageKey;
  readonly type: 'text' | 'password';
  readonly autocomplete: string;
  readonly maxLength: number;
  readonly required: boolean;
  readonly value?: string;
  readonly hint?: MessageKey;
}

export interface FormPage {
  readonly language: LanguageTag;
  readonly title: MessageKey;
  readonly intro: MessageKey;
  /** The page's own path: the form posts back to it. */
  readonly action: string;
  /** Hidden fields: the link's token (moved out of the URL into the form) and the CSRF token. */
  readonly hidden: Readonly<Record<string, string>>;
  readonly fields: readonly PageField[];
  readonly submit: MessageKey;
  /** Already translated; shown above the form. */
  readonly error?: string;
  /** The field the error is about, marked invalid. */
  readonly invalidField?: string;
}

export interface MessagePage {
  readonly language: LanguageTag;
  readonly title: MessageKey;
  readonly message: string;
  readonly kind: 'done' | 'error';
}

function layout(language: LanguageTag, title: string, body: string): string {
  const dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}" dir="${dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escapeHtml(title)} · Gatehouse</title><style>${PAGE_STYLE}</style></head>`,
    `<body><main>${body}</main></body></html>`,
  ].join('\n');
}

function field(page: FormPage, each: PageField): string {
  const t = (key: MessageKey) => escapeHtml(formatMessage(page.language, key));
  const id = `field-${each.name}`;
  const hint = each.hint ? `<p class="hint" id="${id}-hint">${t(each.hint)}</p>` : '';
  const attributes = [
    `id="${id}"`,
    `name="${escapeHtml(each.name)}"`,
    `type="${each.type}"`,
    `autocomplete="${each.autocomplete}"`,
    `maxlength="${each.maxLength}"`,
    each.required ? 'required' : '',
    each.value !== undefined ? `value="${escapeHtml(each.value)}"` : '',
    each.hint ? `aria-describedby="${id}-hint"` : '',
    page.invalidField === each.name ? 'aria-invalid="true"' : '',
  ].filter(Boolean);
  return `<label for="${id}">${t(each.label)}</label><input ${attributes.join(' ')}>${hint}`;
}

/** A page with one form; its text in the page's language, English where a key lacks a translation. */
export function renderFormPage(page: FormPage): string {
  const title = formatMessage(page.language, page.title);
  const hidden = Object.entries(page.hidden).map(
    ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  );
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(formatMessage(page.language, page.intro))}</p>`,
    page.error ? `<p class="error" role="alert">${escapeHtml(page.error)}</p>` : '',
    `<form method="post" action="${escapeHtml(page.action)}">`,
    ...hidden,
    ...page.fields.map((each) => field(page, each)),
    `<button type="submit">${escapeHtml(formatMessage(page.language, page.submit))}</button>`,
    '</form>',
  ];
  return layout(page.language, title, body.join('\n'));
}

/** A page that only tells: the form's outcome, or why a link cannot be used. */
export function renderMessagePage(page: MessagePage): string {
  const title = formatMessage(page.language, page.title);
  const role = page.kind === 'error' ? ' role="alert"' : '';
  const body = `<h1>${escapeHtml(title)}</h1>\n<p class="${page.kind}"${role}>${escapeHtml(page.message)}</p>`;
  return layout(page.language, title, body);
}
