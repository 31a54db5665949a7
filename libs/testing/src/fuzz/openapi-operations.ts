/** The slice of an OpenAPI 3 document the fuzz suite reads: operations, their parameters and bodies. */
export interface Schema {
  readonly type?: string;
  readonly $ref?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly nullable?: boolean;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly allOf?: readonly Schema[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, RawOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

interface RawOperation {
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema?: Schema }[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: Schema }>> };
}

export interface Operation {
  readonly method: string;
  /** As documented, with `{name}` placeholders. */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly { readonly name: string; readonly schema: Schema }[];
  readonly headerParams: readonly string[];
  /** Resolved: no `$ref` left at any depth. Absent when the operation takes no body. */
  readonly body?: Schema;
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components?.schemas?.[name] ?? {});
  }
  if (schema.allOf) return resolve(doc, schema.allOf[0]);
  return {
    ...schema,
    ...(schema.items ? { items: resolve(doc, schema.items) } : {}),
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, each]) => [name, resolve(doc, each)]),
          ),
        }
      : {}),
  };
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, raw]) => {
      const parameters = raw.parameters ?? [];
      const body = raw.requestBody?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((each) => each.in === 'path').map((each) => each.name),
        queryParams: parameters
          .filter((each) => each.in === 'query')
          .map((each) => ({ name: each.name, schema: resolve(doc, each.schema ?? {}) })),
        headerParams: parameters.filter((each) => each.in === 'header').map((each) => each.name),
        ...(body ? { body: resolve(doc, body) } : {}),
      };
    }),
  );
}
