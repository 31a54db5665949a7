import type { LanguageTag } from '@gatehouse/contracts';
import type { EmailMessage, TemplateName } from './notifier.port';
import type { TemplateSet } from './templates/email-template';
import { emailTemplates } from './templates/email-templates';

export interface RenderedEmail {
  /** The language actually used: the recipient's, or English when theirs has no templates. */
  readonly language: string;
  readonly subject: string;
  readonly text: string;
}

/** A caller forgot a parameter: sending `{{name}}` to a person is a bug, so nothing is sent. */
export class MissingTemplateParam extends Error {
  readonly code = 'NOTIFICATION_PARAM_MISSING';

  constructor(
    readonly template: TemplateName,
    readonly param: string,
  ) {
    super(`Template "${template}" needs the parameter "${param}"`);
    this.name = 'MissingTemplateParam';
  }
}

const placeholder = /\{\{(\w+)\}\}/g;

function templatesFor(language: string): { language: string; templates: TemplateSet } {
  const own = Object.hasOwn(emailTemplates, language) ? emailTemplates[language as LanguageTag] : undefined;
  return own ? { language, templates: own } : { language: 'en', templates: emailTemplates.en };
}

/** Pure: picks the language, fills every placeholder in one pass (values are never read as templates). */
export function renderEmail(message: EmailMessage): RenderedEmail {
  const { language, templates } = templatesFor(message.language);
  const fill = (source: string): string =>
    source.replace(placeholder, (_match, name: string) => {
      const value = Object.hasOwn(message.params, name) ? message.params[name] : undefined;
      if (typeof value !== 'string') throw new MissingTemplateParam(message.template, name);
      return value;
    });
  const { subject, text } = templates[message.template];
  return { language, subject: fill(subject), text: fill(text) };
}
