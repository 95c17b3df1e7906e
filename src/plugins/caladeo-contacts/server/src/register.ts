import type { Core } from '@strapi/strapi';
import { ACTIONS } from '../../shared/constants';
import { runHook } from './modules';

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await runHook('register', strapi);
  // registered before the admin's bootstrap, which grants every known action to the super admin
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
};

export default register;
