import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-rules';
import { registerGraphqlExtension } from './graphql';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi);
  registerGraphqlExtension(strapi);
};

export default register;
