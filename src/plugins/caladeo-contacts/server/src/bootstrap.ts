import type { Core } from '@strapi/strapi';
import { runHook } from './modules';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => runHook('bootstrap', strapi);

export default bootstrap;
