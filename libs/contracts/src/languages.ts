/** The 19 languages the product supports, as BCP 47 tags, with their English names. */
export const SupportedLanguages = {
  sq: 'Albanian',
  ar: 'Arabic',
  bs: 'Bosnian',
  'zh-CN': 'Chinese Simplified (China)',
  'zh-TW': 'Chinese Traditional (Taiwan)',
  en: 'English',
  fr: 'French',
  de: 'German',
  el: 'Greek',
  it: 'Italian',
  ja: 'Japanese',
  ko: 'Korean',
  'pt-BR': 'Portuguese (Latin America)',
  ru: 'Russian',
  'es-419': 'Spanish (Latin America)',
  sl: 'Slovenian',
  sv: 'Swedish',
  tr: 'Turkish',
  uk: 'Ukrainian',
} as const;

export type LanguageTag = keyof typeof SupportedLanguages;

export const languageTags = Object.keys(SupportedLanguages) as LanguageTag[];

export function isLanguageTag(value: string): value is LanguageTag {
  return Object.prototype.hasOwnProperty.call(SupportedLanguages, value);
}
