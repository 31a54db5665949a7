// Lint fixture, never compiled: domain code that keeps the rules (the check must pass it).
import { languageTags } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';

export const used = [languageTags, DomainError];
