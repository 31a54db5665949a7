import { compareKeys, csvLine, type ReadModelDeclaration } from '@gatehouse/read-model-kit';

/** A listed row's index entries and records, as the Lua of row-entries.lua.ts and row-records.lua.ts makes them. */
export interface RowIndex {
  /** The row's `_s` (memberships) and `_t` (search terms) fields. */
  readonly s: string;
  readonly t: string;
  /** Index key suffix (after the account's base) and member, e.g. `sort:name` and its member. */
  readonly members: readonly (readonly [suffix: string, member: string])[];
  /** The row's JSON record and CSV line (null when the model declares no CSV). */
  readonly json: string;
  readonly csv: string | null;
}

/**
 * The Lua's `entries`, `jsonFieldsOf` and `csvLineOf` for a whole row, in this process: a rebuild indexes a
 * million loaded rows here, where the same work in Lua blocked Redis for about 110 µs a row. Members must
 * equal the Lua's byte for byte, since a later apply computes a row's old members in Lua to remove them
 * (both order memberships by bytes; the Redis store's contract test compares the two sides key by key).
 * `hash` is the row's hash as stored; null when the row is not listed.
 */
export function rowIndex(
  model: ReadModelDeclaration,
  id: string,
  hash: Readonly<Record<string, string>>,
): RowIndex | null {
  if (hash[model.listedBy] === undefined) return null;
  const row: Record<string, unknown> = {};
  const json: string[] = [];
  for (const [name, value] of Object.entries(hash)) {
    if (name.startsWith('_')) continue;
    row[name] = JSON.parse(value);
    json.push(`${JSON.stringify(name)}:${value}`);
  }
  const memberships = membershipsOf(model, row).sort(compareKeys);
  const { terms, indexed } = termsOf(model, hash);
  const s = `|${memberships.join('|')}|`;
  const t = terms.length > 0 ? `\n${terms.join('\n')}` : '';
  const members: [string, string][] = memberships.map((set) => [`set:${set}`, id]);
  for (const term of indexed) members.push(['search', `${term}\0${id}`]);
  for (const [sort, columns] of Object.entries(model.sorts)) {
    const key = columns.map((column) => hash[`_n:${column}`] ?? '').join(' ');
    members.push([`sort:${sort}`, `${key}\0${id}\0${t}\0${s}`]);
  }
  return {
    s,
    t,
    members,
    json: json.join(','),
    csv: model.csv?.length ? csvLine(model, { ...row, id }) : null,
  };
}

/** `<set>:<value>` of each set the row is in, once each (setsOf in the Lua). */
function membershipsOf(model: ReadModelDeclaration, row: Readonly<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  for (const [name, index] of Object.entries(model.sets)) {
    const value = row[index.column];
    if (value === undefined) continue;
    if (index.kind === 'present') {
      if (value !== null) out.add(`${name}:yes`);
    } else if (index.kind === 'each') {
      if (Array.isArray(value)) for (const item of value) out.add(`${name}:${item}`);
    } else if (typeof value === 'string') out.add(`${name}:${value}`);
  }
  return [...out];
}

/**
 * Every search term (for `_t`), and those the search index holds: a group's whole text is left out when a
 * sort has the same columns and the row has a key for each, since that sort's member holds it (termsOf).
 */
function termsOf(model: ReadModelDeclaration, hash: Readonly<Record<string, string>>) {
  const terms: string[] = [];
  const indexed: string[] = [];
  const sorts = Object.values(model.sorts);
  for (const group of model.search) {
    const keys = group.map((column) => hash[`_n:${column}`] ?? '');
    const text = keys.filter((key) => key !== '').join(' ');
    if (text === '') continue;
    const covered = sorts.some(
      (columns) => columns.length === group.length && columns.every((c, i) => c === group[i]),
    );
    terms.push(text);
    if (!(covered && keys.every((key) => key !== ''))) indexed.push(text);
    for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
      terms.push(text.slice(space + 1));
      indexed.push(text.slice(space + 1));
    }
  }
  return { terms, indexed };
}
