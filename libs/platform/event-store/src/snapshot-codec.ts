/**
 * Folded states as JSON: plain data plus the Sets and Maps states hold (open sessions, roles), tagged so
 * they come back as what they were. Properties whose value is undefined are left out, as JSON does.
 */
const SET = '$set';
const MAP = '$map';

export function encodeState(state: unknown): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (value instanceof Set) return { [SET]: [...value] };
    if (value instanceof Map) return { [MAP]: [...value] };
    return value;
  });
}

export function decodeState(json: string): unknown {
  return JSON.parse(json, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const tagged = value as Record<string, unknown>;
    if (Array.isArray(tagged[SET]) && Object.keys(tagged).length === 1) return new Set(tagged[SET]);
    if (Array.isArray(tagged[MAP]) && Object.keys(tagged).length === 1) {
      return new Map(tagged[MAP] as [unknown, unknown][]);
    }
    return value;
  });
}
