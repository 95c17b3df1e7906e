import access from './access';
import apiDocs from './api-docs';
import documents from './documents';
import duplicates from './duplicates';
import erasure from './erasure';
import history from './history';
import imports from './imports';
import jobs from './jobs';
import listViews from './list-views';
import merges from './merges';
import newsletter from './newsletter';
import records from './records';
import retention from './retention';
import search from './search';
import type { PluginModule } from './module';

/**
 * The plugin's capabilities, in the order their lifecycle hooks run: the job runner first, so that
 * the others can declare their job kinds in `register` and queue jobs in `bootstrap`; it stops last.
 * The history comes before the records: its document middleware must wrap their write rules.
 * Their content-API routes appear in the API document in this order too.
 */
export const MODULES = [
  jobs,
  history,
  records,
  search,
  newsletter,
  documents,
  imports,
  duplicates,
  merges,
  erasure,
  retention,
  access,
  listViews,
  apiDocs,
] as const;

type Part = 'contentTypes' | 'services' | 'controllers' | 'middlewares';

/** The intersection of one part over every module, so that `getService` stays typed. */
type Merged<Modules extends readonly PluginModule[], Key extends Part> = Modules extends readonly [
  infer First,
  ...infer Rest extends readonly PluginModule[],
]
  ? (First extends { [K in Key]: infer Value } ? Value : unknown) & Merged<Rest, Key>
  : unknown;

/** One registry of the plugin (its services, say), merged from every module; a name given twice is a bug. */
export const assemble = <Key extends Part>(part: Key): Merged<typeof MODULES, Key> => {
  const merged: Record<string, unknown> = {};
  for (const module of MODULES as readonly PluginModule[]) {
    for (const [name, value] of Object.entries(module[part] ?? {})) {
      if (name in merged) throw new Error(`caladeo-contacts: two modules declare the ${part} "${name}"`);
      merged[name] = value;
    }
  }
  return merged as Merged<typeof MODULES, Key>;
};

type Hook = 'register' | 'bootstrap' | 'destroy';

/** Runs one lifecycle hook of every module, in order (`destroy` in reverse). */
export const runHook = async (hook: Hook, strapi: Parameters<NonNullable<PluginModule[Hook]>>[0]) => {
  const modules = hook === 'destroy' ? [...MODULES].reverse() : [...MODULES];
  for (const module of modules as PluginModule[]) await module[hook]?.(strapi);
};
