import { z } from 'zod';
import type { ContentApiRoute } from '../../utils/routes';
import { anyObject } from './schemas';

const apiDocumentSchema = z
  .object({
    openapi: z.string().meta({ examples: ['3.1.0'] }),
    info: z.object({ title: z.string(), version: z.string() }).catchall(z.unknown()),
    paths: anyObject(),
  })
  .catchall(z.unknown());

/**
 * The API document for external developers. Not public: any API token reads it (the action ends
 * in `find`, which read-only tokens are given), a custom token or a users-permissions role only
 * when given `plugin::caladeo-contacts.api-docs.find`.
 */
export const apiDocsContentApiRoutes: ContentApiRoute[] = [
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'api-docs.find',
    // its own object: Strapi writes the route's auth scope into it
    config: {},
    response: apiDocumentSchema,
    docs: {
      tag: 'API document',
      summary: 'Get this API document',
      description: 'The OpenAPI 3.1 document of this API, as released (docs/openapi.json).',
      success: { status: 200, description: 'The OpenAPI document.' },
    },
  },
];
