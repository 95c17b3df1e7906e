import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'rate-limits').start();
  getService(strapi, 'newsletter-queue').start();
};

export default bootstrap;
