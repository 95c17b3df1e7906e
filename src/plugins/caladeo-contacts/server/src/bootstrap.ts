import type { Core } from '@strapi/strapi';
import { ACTIONS } from './constants';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // admin roles are granted these actions in Settings → Roles; admin routes check them
  await strapi.service('admin::permission').actionProvider.registerMany([...ACTIONS]);
};

export default bootstrap;
