import { languageTags } from '@gatehouse/contracts';
import { catalogs } from './catalogs';
import { type Catalog, en, type MessageKey } from './en';
import { argumentsOf, formatMessage, messageSource, supportedLanguage } from './translate';

const keys = Object.keys(en) as MessageKey[];
const translations = languageTags.filter((language) => language !== 'en');
const argumentsIn = (source: string) => [...argumentsOf(source)].sort(([a], [b]) => a.localeCompare(b));

describe('message catalogs', () => {
  it('exist for each of the 19 languages of the product, and for no other', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...languageTags].sort());
  });

  describe.each(translations)('in %s', (language) => {
    const catalog: Partial<Catalog> = catalogs[language];

    it('has every key of the English source, and no other', () => {
      expect(keys.filter((key) => catalog[key] === undefined)).toEqual([]);
      expect(Object.keys(catalog).filter((key) => !Object.hasOwn(en, key))).toEqual([]);
    });

    it.each(keys)('%s takes exactly the placeholders of the English source, used alike', (key) => {
      expect(argumentsIn(messageSource(language, key))).toEqual(argumentsIn(en[key]));
    });

    it('translates every email rather than copying the English', () => {
      const emailKeys = keys.filter((key) => /\.(subject|text)$/.test(key));
      expect(emailKeys.filter((key) => catalog[key] === en[key])).toEqual([]);
    });
  });

  describe.each(languageTags)('every email in %s', (language) => {
    it.each(keys.filter((key) => key.endsWith('.subject')))(
      '%s is one line without placeholders (nothing a user typed reaches a mail header)',
      (key) => {
        expect(messageSource(language, key)).toMatch(/^[^{}\r\n]+$/);
      },
    );
  });

  it('formats counts by the plural rules of each language', () => {
    expect(formatMessage('en', 'invite.text', { acceptUrl: 'u', expiresInHours: 1 })).toMatch(/in 1 hour\./);
    expect(formatMessage('de', 'invite.text', { acceptUrl: 'u', expiresInHours: 168 })).toMatch(
      /168 Stunden/,
    );
    expect(formatMessage('ru', 'invite.text', { acceptUrl: 'u', expiresInHours: 2 })).toMatch(/2 часа/);
    expect(formatMessage('ru', 'invite.text', { acceptUrl: 'u', expiresInHours: 5 })).toMatch(/5 часов/);
    expect(formatMessage('ru', 'invite.text', { acceptUrl: 'u', expiresInHours: 21 })).toMatch(
      /21 час[^а-я]/,
    );
  });

  it('reads an unsupported language as English', () => {
    for (const language of ['xx', 'EN', '', null, 7]) expect(supportedLanguage(language)).toBe('en');
    expect(supportedLanguage('pt-BR')).toBe('pt-BR');
  });

  it('reads a key a language lacks in English', () => {
    const catalog = catalogs.sv as Record<string, string>;
    const saved = catalog['page.done.title'];
    delete catalog['page.done.title'];
    try {
      expect(formatMessage('sv', 'page.done.title')).toBe(en['page.done.title']);
    } finally {
      catalog['page.done.title'] = saved;
    }
  });
});
