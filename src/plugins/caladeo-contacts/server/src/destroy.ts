import type { Core } from '@strapi/strapi';
import { runHook } from './modules';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => runHook('destroy', strapi);

export default destroy;
