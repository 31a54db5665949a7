import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { createHash } from 'node:crypto';
import { escapeGlob } from './redis-encoding';

/**
 * The key layout's version, part of the `current` pointer's name with the declaration's fingerprint: a
 * store that finds no pointer of its own layout and declaration (a deployment of the previous one, or one
 * whose model gained an index) has no generation, and the runner rebuilds at start.
 */
export const LAYOUT = 7;

const fingerprints = new WeakMap<ReadModelDeclaration, string>();

/** A short digest of the declaration as JSON: its indexes, sorts, search and CSV cells. */
function fingerprintOf(model: ReadModelDeclaration): string {
  let fingerprint = fingerprints.get(model);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256').update(JSON.stringify(model)).digest('base64url').slice(0, 12);
    fingerprints.set(model, fingerprint);
  }
  return fingerprint;
}

/**
 * Keys of model `m` (the prefix `<p>` holds no braces; `{accountId}` is the cluster hash tag, so each
 * account's keys of a generation share a slot and every script touches one slot):
 * - `<p>m:current:v<layout>:<fingerprint>` the serving generation, `<p>m:generations` the last generation
 *   number, `<p>m:pointers` the names of the model's pointers (every layout and declaration that has served),
 *   `<p>m:holds` sorted set of held generations, scored by when their hold ends (ms since the epoch);
 * - `<p>m:g<n>:{a}:row:<id>` hash of one row: JSON columns, `_n:<column>` folded keys, `_s` its sets,
 *   `_t` its search terms, `_p:<stream>` positions (the row id in a stream id written `*`);
 * - `<p>m:g<n>:{a}:csv` and `…:json` hashes of each listed row's CSV line and JSON record by id (apart
 *   from the row, whose hash a value over 64 bytes would turn from a listpack into a table of twice the
 *   memory; a page or an export reads many rows' with one HMGET);
 * - `<p>m:g<n>:{a}:sort:<sort>` sorted set, score 0, members `<sort key>\0<id>\0<_t>\0<_s>` (layout 5:
 *   a walk checks a candidate from its member; layout 6: `_s` in byte order whatever the server's locale),
 *   read BYLEX; pages and cursors carry `<sort key>\0<id>`;
 * - `<p>m:g<n>:{a}:set:<set>:<value>` set of ids; `<p>m:g<n>:{a}:search` members `<term>\0<id>`, but for
 *   terms a sort's members already hold whole (a search group with a sort's columns: name, username, email);
 * - `<p>m:g<n>:{a}:scratch` a query's working set, created and deleted inside one script run;
 * - while a rebuild loads a generation: `<p>m:g<n>:{a}:loaded` a list of the ids of listed rows not yet
 *   indexed, in the order they were listed, and `<p>m:g<n>:loaded-accounts` the set of accounts holding
 *   such lists (both emptied by indexLoaded).
 * The client must not set ioredis' own keyPrefix: this adapter prefixes keys itself, SCAN patterns included.
 */
export class RedisKeys {
  constructor(private readonly prefix: string) {}

  /** The serving generation's number. */
  pointer(model: ReadModelDeclaration): string {
    return `${this.prefix}${model.name}:current:v${LAYOUT}:${fingerprintOf(model)}`;
  }

  /** The last generation number handed out. */
  generations(model: ReadModelDeclaration): string {
    return `${this.prefix}${model.name}:generations`;
  }

  /** The names of every pointer of the model, so a sweep finds the other declarations' pointers. */
  pointers(model: ReadModelDeclaration): string {
    return `${this.prefix}${model.name}:pointers`;
  }

  /** Held generations, scored by when their hold ends. */
  holds(model: ReadModelDeclaration): string {
    return `${this.prefix}${model.name}:holds`;
  }

  /** What every key of one account in one generation starts with. */
  base(model: ReadModelDeclaration, generation: number, accountId: string): string {
    return `${this.prefix}${model.name}:g${generation}:{${accountId}}:`;
  }

  /** The accounts load() wrote to a generation and indexLoaded() has not indexed yet. */
  loadedAccounts(model: ReadModelDeclaration, generation: number): string {
    return `${this.prefix}${model.name}:g${generation}:loaded-accounts`;
  }

  /** A SCAN pattern for every key of one generation. */
  generationPattern(model: ReadModelDeclaration, generation: number): string {
    return `${escapeGlob(`${this.prefix}${model.name}:g${generation}:`)}*`;
  }

  /** A SCAN pattern for every key of the model. */
  modelPattern(model: ReadModelDeclaration): string {
    return `${escapeGlob(`${this.prefix}${model.name}:`)}*`;
  }
}
