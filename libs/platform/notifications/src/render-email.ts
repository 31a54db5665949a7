import type { LanguageTag } from '@gatehouse/contracts';
import type { EmailMessage, TemplateName } from './notifier.port';
import type { TemplateSet } from './templates/email-template';
import { emailTemplates } from './templates/email-templates';
import { paramDefaults } from './templates/param-defaults';

export interface RenderedEmail {
  /** The language actually used: the recipient's, or English when theirs has no templates. */
  readonly language: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * A message that cannot be built, so nothing is sent: retrying cannot help, and the caller reports it
 * (log + metric) while the event that called for it stands.
 */
export class MessageNotBuilt extends Error {
  constructor(
    readonly code: string,
    readonly template: TemplateName,
    message: string,
  ) {
    super(message);
    this.name = 'MessageNotBuilt';
  }
}

/** A value Gatehouse makes itself (a reset link) is missing: sending `{{resetUrl}}` to a person is a bug. */
export class MissingTemplateParam extends MessageNotBuilt {
  constructor(
    template: TemplateName,
    readonly param: string,
  ) {
    super('NOTIFICATION_PARAM_MISSING', template, `Template "${template}" needs the parameter "${param}"`);
    this.name = 'MissingTemplateParam';
  }
}

const placeholder = /\{\{(\w+)\}\}/g;

function templatesFor(language: unknown): { language: LanguageTag; templates: TemplateSet } {
  const own =
    typeof language === 'string' && Object.hasOwn(emailTemplates, language)
      ? emailTemplates[language as LanguageTag]
      : undefined;
  return own
    ? { language: language as LanguageTag, templates: own }
    : { language: 'en', templates: emailTemplates.en };
}

const given = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/**
 * Pure: picks the language, fills every placeholder in one pass (values are never read as templates); a
 * missing or blank value about the person takes the language's default.
 */
export function renderEmail(message: EmailMessage): RenderedEmail {
  if (!given(message.to))
    throw new MessageNotBuilt('NOTIFICATION_NO_RECIPIENT', message.template, 'the message has no recipient');
  const { language, templates } = templatesFor(message.language);
  const defaults = paramDefaults[language] ?? paramDefaults.en;
  const fill = (source: string): string =>
    source.replace(placeholder, (_match, name: string) => {
      const value = Object.hasOwn(message.params, name) ? message.params[name] : undefined;
      if (given(value)) return value;
      if (Object.hasOwn(defaults, name)) return defaults[name];
      throw new MissingTemplateParam(message.template, name);
    });
  const { subject, text } = templates[message.template];
  return { language, subject: fill(subject), text: fill(text) };
}
