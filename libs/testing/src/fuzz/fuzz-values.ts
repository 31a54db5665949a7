import fc from 'fast-check';
import type { Schema } from './openapi-operations';

/**
 * Values an attacker or a careless client sends: empty and blank, at and past the stated limits
 * (docs/limits.md), invisible and reordering characters, broken UTF-16, markup and injection classics.
 */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\t\n',
  '\u0000',
  'Ada\u0000',
  'Ada\u202eecalevoL',
  'A\u200bda',
  'A\u2066da\u2069',
  '\u{E0041}da',
  'Zoe\u0308',
  '\ud800',
  '\ufeffAda',
  'x'.repeat(60),
  'x'.repeat(61),
  'x'.repeat(100),
  'x'.repeat(101),
  `${'a'.repeat(64)}@${'b'.repeat(185)}.com`,
  `${'a'.repeat(64)}@${'b'.repeat(186)}.com`,
  'x'.repeat(5_000),
  '😀'.repeat(100),
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{{firstName}}',
  '../../etc/passwd',
  '%00',
  '+447700900123',
  'Europe/Berlin',
  'Not/AZone',
  'en',
  'xx',
  'ada@example',
  'ada@example.com',
  'null',
  // Instants: ISO 8601 forms a Date cannot read, and years some stores refuse.
  '2026-12-01T12:00:00Z',
  '20261201',
  '2026-W01',
  '0000-01-01',
  '+010000-01-01T00:00:00Z',
];

const wrongTypes = fc.constantFrom<unknown>(null, 0, -1, 1.5, 1e308, true, [], {}, [null], { a: 1 });

const anyString = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A documented example made unique (a fresh username, a fresh address), so creates are not all 409s. */
function freshExample(example: string): fc.Arbitrary<string> {
  return fc.nat({ max: 1e9 }).map((n) => {
    const tag = n.toString(36);
    return example.includes('@') ? example.replace('@', `.${tag}@`) : `${example}${tag}`;
  });
}

/** Mostly what the schema documents, now and then anything: so requests reach the domain and past it. */
export function valueFor(schema: Schema): fc.Arbitrary<unknown> {
  const odd = fc.oneof(anyString, wrongTypes);
  if (schema.enum) return fc.oneof({ arbitrary: fc.constantFrom(...schema.enum), weight: 6 }, odd);
  switch (schema.type) {
    case 'object':
      return objectFor(schema);
    case 'array':
      return fc.oneof(
        { arbitrary: fc.array(valueFor(schema.items ?? {}), { maxLength: 4 }), weight: 4 },
        schema.example === undefined ? odd : fc.constant(schema.example),
        fc.array(fc.constantFrom(...nastyStrings), { maxLength: 30 }),
        odd,
      );
    case 'boolean':
      return fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, odd);
    case 'integer':
    case 'number':
      return fc.oneof(
        { arbitrary: fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 }), weight: 4 },
        fc.constantFrom((schema.minimum ?? 0) - 1, (schema.maximum ?? 100) + 1, 2 ** 53, -(2 ** 31), 0.5),
        odd,
      );
    case 'string': {
      const example = typeof schema.example === 'string' ? schema.example : undefined;
      return example
        ? fc.oneof({ arbitrary: freshExample(example), weight: 6 }, odd)
        : fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 20 }), weight: 2 }, odd);
    }
    default:
      return odd;
  }
}

/** Each property present as documented, or odd, or left out; now and then one the schema does not know. */
function objectFor(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const absent = Symbol('absent');
  const properties = Object.entries(schema.properties ?? {});
  const entries = properties.map(([name, each]) =>
    fc
      .oneof({ arbitrary: valueFor(each), weight: 8 }, fc.constant<unknown>(absent))
      .map((value) => [name, value] as const),
  );
  const unknown = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 9 },
    fc.tuple(fc.constantFrom('__proto__', 'constructor', 'extra', 'id'), anyString),
  );
  return fc.tuple(fc.tuple(...entries), unknown).map(([pairs, extra]) => {
    const body: Record<string, unknown> = {};
    for (const [name, value] of pairs) if (value !== absent) body[name] = value;
    if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true });
    return body;
  });
}

/**
 * A body the schema would accept: documented examples (a fresh one where a field must be unique), enum
 * values, bounds' midpoints, and a strong password where a string has no example.
 */
function baselineFor(schema: Schema, name = ''): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties ?? {}).map(([property, each]) => [
            property,
            baselineFor(each, property),
          ]),
        ),
      );
    case 'array':
      return fc.constant(schema.example ?? []);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 100 });
    case 'string':
      if (typeof schema.example !== 'string') return fc.constant('Fuzz-Value-1234!');
      return /username|email/i.test(name) ? freshExample(schema.example) : fc.constant(schema.example);
    default:
      return fc.constant(null);
  }
}

/** One accepted body of the schema, the same for the same seed. */
export function baselineBody(schema: Schema, seed: number): Record<string, unknown> {
  return fc.sample(baselineFor(schema), { seed, numRuns: 1 })[0] as Record<string, unknown>;
}

/** An accepted body with up to two top-level fields made odd or left out: it probes one rule at a time. */
function nearlyValid(schema: Schema): fc.Arbitrary<unknown> {
  const names = Object.keys(schema.properties ?? {});
  if (names.length === 0) return baselineFor(schema);
  const change = fc.tuple(
    fc.constantFrom(...names),
    fc.oneof(fc.constant(undefined), fc.constantFrom(null, '', ' '), anyString, wrongTypes),
  );
  const changes = fc.oneof(
    { arbitrary: fc.constant([]), weight: 3 },
    { arbitrary: fc.array(change, { minLength: 1, maxLength: 2 }), weight: 4 },
  );
  return fc.tuple(baselineFor(schema), changes).map(([base, changes]) => {
    const body = { ...(base as Record<string, unknown>) };
    for (const [name, value] of changes) {
      if (value === undefined) delete body[name];
      else body[name] = value;
    }
    return body;
  });
}

/** A whole request body as sent on the wire: mostly near the schema, sometimes not JSON at all. */
export function bodyFor(schema: Schema | undefined): fc.Arbitrary<string | undefined> {
  if (!schema)
    return fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, fc.constantFrom('{}', 'x', '[1]'));
  const json = (value: unknown) => JSON.stringify(value);
  return fc.oneof(
    { arbitrary: nearlyValid(schema).map(json), weight: 10 },
    { arbitrary: valueFor(schema).map(json), weight: 4 },
    fc.jsonValue({ maxDepth: 12 }).map(json),
    fc.constantFrom('{', '{"a":', '[]', 'null', '"text"', '', `${'['.repeat(20)}${']'.repeat(20)}`),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );
}
