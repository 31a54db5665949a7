import { type CanActivate, type DynamicModule, RequestMethod, type Type } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { APP_GUARD } from '@nestjs/core';
import { EdgeGuard, ROUTE_ACCESS, type RouteAccess } from '@gatehouse/http';

type ModuleRef = Type | DynamicModule | Promise<DynamicModule>;

/** How a route is let in: by the edge's principal check, by nobody's credential, or by a guard of its own. */
export type RouteGuarding = 'principal' | 'public' | `own:${string}` | 'unguarded';

export interface Route {
  /** `GET /v1/accounts/:accountId/users`, as Nest registers it. */
  readonly key: string;
  readonly controller: string;
  readonly guarding: RouteGuarding;
}

/**
 * Every route a module tree registers, read from the same metadata Nest's router explorer reads
 * (controllers of every imported module, each handler's method and path), with how it is guarded. No
 * provider is built, so a service module is enumerated without its databases.
 */
export async function routeTable(root: ModuleRef): Promise<Route[]> {
  const modules = await moduleTree(root);
  const edge = modules.some((module) => module.providers.some(isEdgeGuard));
  const controllers = new Set(modules.flatMap((module) => module.controllers));
  return [...controllers].flatMap((controller) => routesOf(controller, edge));
}

/** Routes a request reaches without any guard judging it: what deny-by-default must make impossible. */
export const unguarded = (routes: readonly Route[]): string[] =>
  routes.filter((route) => route.guarding === 'unguarded').map((route) => route.key);

/** Routes anyone reaches, each `KEY (guarding)`, sorted: compared against a reviewed list. */
export const openings = (routes: readonly Route[]): string[] =>
  routes
    .filter((route) => route.guarding !== 'principal')
    .map((route) => `${route.key} (${route.guarding})`)
    .sort();

interface ModuleParts {
  readonly controllers: Type[];
  readonly providers: unknown[];
}

async function moduleTree(root: ModuleRef, seen = new Set<unknown>()): Promise<ModuleParts[]> {
  const resolved = await root;
  const type = 'module' in resolved ? resolved.module : resolved;
  const key = 'module' in resolved ? resolved : type;
  if (seen.has(key)) return [];
  seen.add(key);
  const dynamic: Partial<DynamicModule> = 'module' in resolved ? resolved : {};
  const read = <T>(name: string): T[] => [
    ...((Reflect.getMetadata(name, type) as T[] | undefined) ?? []),
    ...(((dynamic as Record<string, unknown>)[name] as T[] | undefined) ?? []),
  ];
  const own: ModuleParts = {
    controllers: read<Type>(MODULE_METADATA.CONTROLLERS),
    providers: read<unknown>(MODULE_METADATA.PROVIDERS),
  };
  const imports = read<ModuleRef>(MODULE_METADATA.IMPORTS);
  const children = await Promise.all(imports.map((child) => moduleTree(child, seen)));
  return [own, ...children.flat()];
}

const isEdgeGuard = (provider: unknown): boolean =>
  typeof provider === 'object' &&
  provider !== null &&
  (provider as { provide?: unknown }).provide === APP_GUARD &&
  (provider as { useClass?: unknown }).useClass === EdgeGuard;

function routesOf(controller: Type, edge: boolean): Route[] {
  const prefixes = paths(Reflect.getMetadata(PATH_METADATA, controller));
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (name === 'constructor' || typeof handler !== 'function') return [];
    const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
    if (method === undefined) return [];
    const guarding = guardingOf(controller, handler, edge);
    return paths(Reflect.getMetadata(PATH_METADATA, handler)).flatMap((path) =>
      prefixes.map((prefix) => ({
        key: `${RequestMethod[method]} ${join(prefix, path)}`,
        controller: controller.name,
        guarding,
      })),
    );
  });
}

function guardingOf(controller: Type, handler: object, edge: boolean): RouteGuarding {
  const access = (Reflect.getMetadata(ROUTE_ACCESS, handler) ??
    Reflect.getMetadata(ROUTE_ACCESS, controller)) as RouteAccess | undefined;
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, controller) as Type<CanActivate>[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, handler) as Type<CanActivate>[] | undefined) ?? []),
  ];
  if (access?.kind === 'public') return 'public';
  if (access?.kind === 'own-guard' && guards.includes(access.guard)) return `own:${access.guard.name}`;
  return edge && !access ? 'principal' : 'unguarded';
}

const paths = (value: unknown): string[] =>
  Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : '/'];

const join = (prefix: string, path: string): string =>
  `/${[prefix, path]
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
