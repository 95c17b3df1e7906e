import type { Core } from '@strapi/strapi';
import { ACTIONS } from './constants';
import { getService } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // admin roles are granted these actions in Settings → Roles; admin routes check them
  await strapi.service('admin::permission').actionProvider.registerMany([...ACTIONS]);
  await getService(strapi, 'rate-limits').start();
};

export default bootstrap;
