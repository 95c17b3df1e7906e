import type { Core } from '@strapi/strapi';
import { registerDocumentRules } from './document-rules';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  registerDocumentRules(strapi);
};

export default register;
