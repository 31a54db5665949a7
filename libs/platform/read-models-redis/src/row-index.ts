import {
  compareKeys,
  csvLine,
  type ReadModelDeclaration,
  readFields,
  setMemberships,
  sortKey,
} from '@gatehouse/read-model-kit';

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
 * The indexer takes a row's hash as stored and gives null when the row is not listed.
 */
export function rowIndexer(
  model: ReadModelDeclaration,
): (id: string, hash: Readonly<Record<string, string>>) => RowIndex | null {
  // Search groups whose whole text a sort holds (coveredBy in the Lua), found once per model.
  const sorts = Object.values(model.sorts);
  const covered = model.search.map((group) =>
    sorts.some((columns) => columns.length === group.length && columns.every((c, i) => c === group[i])),
  );
  // Only the columns sets, CSV cells and joined fields read are parsed: a rebuild indexes a million rows here.
  const read = new Set([
    ...Object.values(model.sets).map((set) => set.column),
    ...(model.csv ?? []).flatMap((cell) => [...cell.columns, ...(cell.whenSet ? [cell.whenSet.column] : [])]),
    ...Object.values(model.joined ?? {}).flat(),
  ]);
  const quoted = new Map<string, string>();
  const fieldKey = (name: string): string => {
    let key = quoted.get(name);
    if (key === undefined) quoted.set(name, (key = `${JSON.stringify(name)}:`));
    return key;
  };
  return (id, hash) => {
    if (hash[model.listedBy] === undefined) return null;
    const row: Record<string, unknown> = {};
    const keys: Record<string, string> = {};
    const json: string[] = [];
    for (const name in hash) {
      const value = hash[name];
      if (name.startsWith('_')) {
        if (name.startsWith('_n:')) keys[name.slice(3)] = value;
        continue;
      }
      if (read.has(name)) row[name] = JSON.parse(value);
      json.push(fieldKey(name) + value);
    }
    for (const [name, value] of Object.entries(readFields(model, row)))
      json.push(fieldKey(name) + JSON.stringify(value));
    const memberships = [...new Set(setMemberships(model, row))].sort(compareKeys);
    const { terms, indexed } = termsOf(model, covered, keys);
    const s = `|${memberships.join('|')}|`;
    const t = terms.length > 0 ? `\n${terms.join('\n')}` : '';
    const members: [string, string][] = memberships.map((set) => [`set:${set}`, id]);
    for (const term of indexed) members.push(['search', `${term}\0${id}`]);
    for (const sort of Object.keys(model.sorts))
      members.push([`sort:${sort}`, `${sortKey(model, sort, keys)}\0${id}\0${t}\0${s}`]);
    return {
      s,
      t,
      members,
      json: json.join(','),
      csv: model.csv?.length ? csvLine(model, { ...row, id }) : null,
    };
  };
}

/**
 * Every search term (for `_t`), in the Lua's order and with its repeats, and those the search index holds:
 * a covered group's whole text is left out when the row has a key for each of its columns (termsOf).
 */
function termsOf(
  model: ReadModelDeclaration,
  covered: readonly boolean[],
  keys: Readonly<Record<string, string>>,
) {
  const terms: string[] = [];
  const indexed: string[] = [];
  model.search.forEach((group, at) => {
    const parts = group.map((column) => keys[column] ?? '');
    const text = parts.filter((key) => key !== '').join(' ');
    if (text === '') return;
    terms.push(text);
    if (!(covered[at] && parts.every((key) => key !== ''))) indexed.push(text);
    for (let space = text.indexOf(' '); space >= 0; space = text.indexOf(' ', space + 1)) {
      terms.push(text.slice(space + 1));
      indexed.push(text.slice(space + 1));
    }
  });
  return { terms, indexed };
}
