import { isLanguageTag, type LanguageTag } from '@gatehouse/contracts';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { catalogs } from './catalogs';
import type { MessageKey } from './en';

/** The language itself when supported, English otherwise. */
export function supportedLanguage(language: unknown): LanguageTag {
  return typeof language === 'string' && isLanguageTag(language) ? language : 'en';
}

/** The message of a key in a language, or the English one where that language lacks it. */
export function messageSource(language: LanguageTag, key: MessageKey): string {
  return catalogs[language][key] ?? catalogs.en[key];
}

/** How a message uses each of its arguments: counted (plural) or inserted as text. */
export type ArgumentUse = 'count' | 'text';

function collectArguments(elements: readonly MessageFormatElement[], into: Map<string, ArgumentUse>): void {
  for (const element of elements) {
    if (element.type === TYPE.argument) {
      if (!into.has(element.value)) into.set(element.value, 'text');
    } else if (element.type === TYPE.plural) {
      into.set(element.value, 'count');
      for (const option of Object.values(element.options)) collectArguments(option.value, into);
    } else if (element.type === TYPE.select) {
      into.set(element.value, 'text');
      for (const option of Object.values(element.options)) collectArguments(option.value, into);
    }
  }
}

const argumentsBySource = new Map<string, ReadonlyMap<string, ArgumentUse>>();

/**
 * The arguments a message takes (tags are plain text: a message never holds markup). Kept per source, as
 * formats are: the catalogs are fixed, and parsing the message again for every email was 60 % of its render.
 */
export function argumentsOf(source: string): ReadonlyMap<string, ArgumentUse> {
  let found = argumentsBySource.get(source);
  if (!found) {
    const collected = new Map<string, ArgumentUse>();
    collectArguments(parse(source, { ignoreTag: true }), collected);
    found = collected;
    argumentsBySource.set(source, found);
  }
  return found;
}

const compiled = new Map<string, IntlMessageFormat>();

/**
 * Formats a key in a language (English where the language lacks it). Values are inserted as they are,
 * never read as ICU syntax; a counted argument is given as a number.
 */
export function formatMessage(
  language: LanguageTag,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const source = messageSource(language, key);
  const cacheKey = `${language}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, language, undefined, { ignoreTag: true });
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}
