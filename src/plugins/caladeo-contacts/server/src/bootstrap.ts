import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'rate-limits').start();
};

export default bootstrap;
