/**
 * Writes docs/openapi.json, the OpenAPI 3.1 document of the plugin's and the offers' content-API
 * routes:
 *
 *   npm run openapi          (node scripts/with-strapi.js openapi)
 *
 * Strapi's own generator (`@strapi/openapi`, what `strapi openapi generate` runs) reads every
 * route's request and response schemas; `finishApiDocument` keeps the routes the document is
 * about and adds what the generator cannot say (statuses other than 200, files and pages,
 * refusals, credentials). The file is formatted as `npm run format:check` expects, so that
 * regenerating an unchanged API changes nothing (`npm run openapi:check`).
 */
import fs from 'fs';
import path from 'path';
import * as prettier from 'prettier';
import { generate } from '@strapi/openapi';
import type { Core } from '@strapi/strapi';
import {
  apiDocumentFile,
  documentedRoutes,
  finishApiDocument,
  type GeneratedDocument,
} from '../src/plugins/caladeo-contacts/server/src/modules/api-docs';

const APP_DIR = path.resolve(__dirname, '..', '..');

/** A database of its own, thrown away on the next run: the document depends on the code only. */
export function prepareEnvironment() {
  const filename = path.join(APP_DIR, '.tmp', 'openapi.db');
  fs.mkdirSync(path.dirname(filename), { recursive: true });
  fs.rmSync(filename, { force: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename });
}

export default async function openapi(strapi: Core.Strapi) {
  // the routes get their final paths and auth scopes when the router is mounted, as Strapi's CLI does
  strapi.server.mount();
  const { document } = generate(strapi, { type: 'content-api' });
  const restPrefix = strapi.config.get<string>('api.rest.prefix', '/api');
  const routes = documentedRoutes(strapi);
  const finished = finishApiDocument(document as GeneratedDocument, routes, restPrefix);

  const file = apiDocumentFile(strapi);
  const config = await prettier.resolveConfig(file);
  fs.writeFileSync(file, await prettier.format(JSON.stringify(finished), { ...config, filepath: file }));
  console.log(`${path.relative(process.cwd(), file)}: ${routes.length} operations`);
}
