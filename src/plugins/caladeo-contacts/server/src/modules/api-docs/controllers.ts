import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { apiDocumentFile } from './file';

/**
 * `GET /openapi.json`: the committed API document, read once. It is the contract the release was
 * checked against (`npm run openapi:check`), not one generated from the running routes.
 */
export const apiDocsController = ({ strapi }: { strapi: Core.Strapi }) => {
  let document: unknown;
  return {
    async find(ctx: { body: unknown }) {
      document ??= JSON.parse(await fs.promises.readFile(apiDocumentFile(strapi), 'utf8'));
      ctx.body = document;
    },
  };
};
