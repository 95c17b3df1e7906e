import type { Core } from '@strapi/strapi';
import { ACTIONS } from './constants';
import { registerDocumentRules } from './document-rules';
import { registerGraphqlExtension } from './graphql';

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi);
  registerGraphqlExtension(strapi);
  // registered before the admin's bootstrap, which grants every known action to the super admin
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
};

export default register;
