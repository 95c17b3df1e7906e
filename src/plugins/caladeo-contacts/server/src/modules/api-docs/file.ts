import path from 'path';
import type { Core } from '@strapi/strapi';

/**
 * docs/openapi.json, found from the app's root as Strapi knows it: the same from the sources, from
 * the compiled dist/ and in production (the file is part of the app, not of its build).
 */
export const apiDocumentFile = (strapi: Core.Strapi) =>
  path.join(strapi.dirs.app.root, 'docs', 'openapi.json');
