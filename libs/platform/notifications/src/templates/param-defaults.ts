import type { LanguageTag } from '@gatehouse/contracts';

/**
 * What a template says where a value about the person is missing or blank (a user stored before names
 * were required, an event without the new address): a message is still sent, reading naturally. Values
 * Gatehouse makes itself (a reset link, its lifetime) have no default: without them a message is not built.
 */
export const paramDefaults: Partial<Record<LanguageTag, Readonly<Record<string, string>>>> & {
  readonly en: Readonly<Record<string, string>>;
} = {
  en: { firstName: 'there', newEmail: 'a new address' },
  de: { firstName: 'zusammen', newEmail: 'eine neue Adresse' },
  fr: { firstName: 'à vous', newEmail: 'une nouvelle adresse' },
  'es-419': { firstName: 'usuario de Gatehouse', newEmail: 'una nueva dirección' },
};
