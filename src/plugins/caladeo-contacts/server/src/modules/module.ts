import type { Core } from '@strapi/strapi';
import type { AdminRoute, ContentApiRoute } from '../utils/routes';

type Lifecycle = (strapi: Core.Strapi) => void | Promise<void>;

/**
 * What one capability brings to the plugin. The plugin's registries (`services/index.ts`, …) merge
 * these parts; a module never imports the plugin's own entry points.
 */
export type PluginModule = {
  /** Keys equal each schema's `info.singularName`. */
  contentTypes?: Record<string, { schema: object }>;
  services?: Record<string, unknown>;
  controllers?: Record<string, unknown>;
  middlewares?: Record<string, unknown>;
  adminRoutes?: AdminRoute[];
  /** Built on first use: core routers need the content types to exist. */
  contentApiRoutes?: () => ContentApiRoute[];
  register?: Lifecycle;
  bootstrap?: Lifecycle;
  destroy?: Lifecycle;
};

export const defineModule = <Module extends PluginModule>(module: Module) => module;
