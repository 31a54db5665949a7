import { isLanguageTag } from '@gatehouse/contracts';
import type { TemplateName } from '../notifier.port';
import { emailTemplates } from './email-templates';

const templateNames = Object.keys(emailTemplates.en) as TemplateName[];
const translations = Object.entries(emailTemplates).filter(([language]) => language !== 'en');
const placeholders = (source: string): string[] =>
  [...source.matchAll(/\{\{(\w+)\}\}/g)].map(([, name]) => name).sort();

describe('email templates', () => {
  it('exist in English, German, French and Spanish (Latin America), each a supported language', () => {
    expect(Object.keys(emailTemplates)).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es-419']));
    expect(Object.keys(emailTemplates).filter((language) => !isLanguageTag(language))).toEqual([]);
  });

  describe.each(Object.entries(emailTemplates))('in %s', (_language, templates) => {
    it.each(templateNames)('%s has a one-line subject without parameters', (name) => {
      expect(templates[name].subject).toMatch(/^[^{}\r\n]+$/);
    });
    it.each(templateNames)('%s braces only mark parameters', (name) => {
      expect(templates[name].text.replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[{}]/);
    });
  });

  describe.each(translations)('translated to %s', (_language, templates) => {
    it.each(templateNames)('%s takes exactly the English parameters', (name) => {
      expect(placeholders(templates[name].text)).toEqual(placeholders(emailTemplates.en[name].text));
    });
    it.each(templateNames)('%s is not a copy of the English text', (name) => {
      expect(templates[name].subject).not.toBe(emailTemplates.en[name].subject);
      expect(templates[name].text).not.toBe(emailTemplates.en[name].text);
    });
  });
});
