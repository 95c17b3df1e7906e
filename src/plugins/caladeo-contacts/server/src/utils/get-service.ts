import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../shared/constants';
import type { Services } from '../modules/services';

type ServiceName = keyof Services;
export type ServiceOf<Name extends ServiceName> = Services[Name] extends (...args: never[]) => infer R
  ? R
  : never;

/** Typed access to the plugin's services. */
export const getService = <Name extends ServiceName>(strapi: Core.Strapi, name: Name): ServiceOf<Name> =>
  strapi.plugin(PLUGIN_ID).service(name) as ServiceOf<Name>;
