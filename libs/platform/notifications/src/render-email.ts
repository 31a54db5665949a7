import type { EmailMessage, TemplateName } from './notifier.port';
import { en, type MessageKey } from './messages/en';
import { argumentsOf, formatMessage, messageSource, supportedLanguage } from './messages/translate';

export interface RenderedEmail {
  /** The language rendered in: the recipient's when supported, English otherwise. */
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

/** A value Gatehouse makes itself (a reset link) is missing: sending a message without it is a bug. */
export class MissingTemplateParam extends MessageNotBuilt {
  constructor(
    template: TemplateName,
    readonly param: string,
  ) {
    super('NOTIFICATION_PARAM_MISSING', template, `Template "${template}" needs the parameter "${param}"`);
    this.name = 'MissingTemplateParam';
  }
}

const given = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

/** The parameters a template's English source takes: what every translation takes too. */
export function templateParams(template: TemplateName): string[] {
  return [...argumentsOf(messageSource('en', `${template}.text`)).keys()];
}

/**
 * Pure: picks the language and formats subject and body with ICU MessageFormat (values are inserted
 * literally, never read as message syntax); a missing or blank value about the person takes the
 * language's default, a missing value Gatehouse makes itself refuses the message.
 */
export function renderEmail(message: EmailMessage): RenderedEmail {
  if (!given(message.to))
    throw new MessageNotBuilt('NOTIFICATION_NO_RECIPIENT', message.template, 'the message has no recipient');
  const language = supportedLanguage(message.language);
  const render = (key: MessageKey): string => {
    const values: Record<string, string | number> = {};
    for (const [name, use] of argumentsOf(messageSource(language, key))) {
      const value = Object.hasOwn(message.params, name) ? message.params[name] : undefined;
      const fallback = `default.${name}`;
      let text: string;
      if (given(value)) text = value;
      else if (Object.hasOwn(en, fallback)) text = formatMessage(language, fallback as MessageKey);
      else throw new MissingTemplateParam(message.template, name);
      values[name] = use === 'count' ? Number(text) : text;
    }
    return formatMessage(language, key, values);
  };
  return {
    language,
    subject: render(`${message.template}.subject`),
    text: render(`${message.template}.text`),
  };
}
