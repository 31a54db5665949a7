import type { LanguageTag } from '@gatehouse/contracts';
import { de } from './de';
import type { TemplateSet } from './email-template';
import { en } from './en';
import { es419 } from './es-419';
import { fr } from './fr';

/** The languages with their own templates; every other language reads English. */
export const emailTemplates: Readonly<Partial<Record<LanguageTag, TemplateSet>>> & {
  readonly en: TemplateSet;
} = { en, de, fr, 'es-419': es419 };
