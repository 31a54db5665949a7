import type { LanguageTag } from '@gatehouse/contracts';
import { ar } from './ar';
import { bs } from './bs';
import { de } from './de';
import { el } from './el';
import { type Catalog, en } from './en';
import { es419 } from './es-419';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import { ko } from './ko';
import { ptBR } from './pt-BR';
import { ru } from './ru';
import { sl } from './sl';
import { sq } from './sq';
import { sv } from './sv';
import { tr } from './tr';
import { uk } from './uk';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';

/**
 * Every language's messages. Typed partial on purpose: a key a language lacks (a message added before its
 * translation) reads in English rather than failing, and catalogs.spec.ts names the keys missing.
 */
export const catalogs: Readonly<Record<LanguageTag, Partial<Catalog>>> & { readonly en: Catalog } = {
  sq,
  ar,
  bs,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  en,
  fr,
  de,
  el,
  it,
  ja,
  ko,
  'pt-BR': ptBR,
  ru,
  'es-419': es419,
  sl,
  sv,
  tr,
  uk,
};
