import { fold, timeKey } from './fold';
import type { ReadModelDeclaration } from './read-model.declaration';

/**
 * What a row contributes to its indexes, from its columns and their folded keys. The Redis adapter's
 * Lua computes the same from the same declaration (read-models-redis/src/row-entries.lua.ts); the shared
 * contract suite holds the two together.
 */

/** The folded key of a column's value, or undefined when the column is not indexed. */
export function columnKey(
  declaration: ReadModelDeclaration,
  column: string,
  value: unknown,
): string | undefined {
  const kind = declaration.columns[column];
  if (kind === 'text') return fold(typeof value === 'string' ? value : '');
  if (kind === 'time') return timeKey(value as string | null);
  return undefined;
}

/** The folded key of each indexed column a write sets (absent columns keep their key). */
export function columnKeys(
  declaration: ReadModelDeclaration,
  columns: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [column, value] of Object.entries(columns)) {
    const key = columnKey(declaration, column, value);
    if (key !== undefined) keys[column] = key;
  }
  return keys;
}

export function sortKey(
  declaration: ReadModelDeclaration,
  sort: string,
  keys: Readonly<Record<string, string>>,
): string {
  return (declaration.sorts[sort] ?? []).map((column) => keys[column] ?? '').join(' ');
}

/** Each search group's non-empty keys joined, and that text from each of its words on. */
export function searchTerms(
  declaration: ReadModelDeclaration,
  keys: Readonly<Record<string, string>>,
): string[] {
  const terms = new Set<string>();
  for (const group of declaration.search) {
    const text = group
      .map((column) => keys[column] ?? '')
      .filter((key) => key !== '')
      .join(' ');
    if (text === '') continue;
    terms.add(text);
    for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
      terms.add(text.slice(space + 1));
    }
  }
  return [...terms];
}

/** `<set>:<value>` for every set the row belongs to. */
export function setMemberships(
  declaration: ReadModelDeclaration,
  columns: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(declaration.sets).flatMap(([name, index]) => {
    const value = columns[index.column];
    if (index.kind === 'present') return value === null || value === undefined ? [] : [`${name}:yes`];
    if (index.kind === 'each') return Array.isArray(value) ? value.map((item) => `${name}:${item}`) : [];
    return typeof value === 'string' ? [`${name}:${value}`] : [];
  });
}
