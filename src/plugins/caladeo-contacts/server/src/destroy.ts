import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'newsletter-queue').stop();
  await getService(strapi, 'rate-limits').stop();
};

export default destroy;
