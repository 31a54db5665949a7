import type { TemplateName } from '../notifier.port';

/**
 * One message in one language. `{{name}}` marks a parameter. Subjects carry no parameters, so nothing a
 * user typed ever reaches a mail header.
 */
export interface EmailTemplate {
  readonly subject: string;
  readonly text: string;
}

/** Every template in one language: a language either has them all or falls back to English whole. */
export type TemplateSet = Readonly<Record<TemplateName, EmailTemplate>>;

/** Plain-text body from paragraphs, blank line between. */
export const paragraphs = (...lines: readonly string[]): string => lines.join('\n\n');
