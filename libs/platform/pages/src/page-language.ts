import { isLanguageTag, type LanguageTag } from '@gatehouse/contracts';

/**
 * The language of a page: the one of the person the link is for (the user's, or the invite's), else the
 * link's `lang` (a spent link still reads in its recipient's language), else English.
 */
export function pageLanguage(ofHolder: string | null | undefined, requested: unknown): LanguageTag {
  if (typeof ofHolder === 'string' && isLanguageTag(ofHolder)) return ofHolder;
  if (typeof requested === 'string' && isLanguageTag(requested)) return requested;
  return 'en';
}
