/**
 * From the OpenAPI document Strapi's generator writes for every content-API route of the app
 * (`@strapi/openapi`, what `strapi openapi generate` runs) to the one external developers read:
 * the plugin's and the offers' routes only, under their public paths, each with its summary, its
 * real success status and media, its refusals in Strapi's error envelope, and the credential it
 * needs. Pure: the script that writes docs/openapi.json hands it Strapi's output and the routes.
 */
import { errorComponents } from './schemas';
import { API_TAGS, type RouteDocs } from '../../utils/route-docs';

type Json = Record<string, unknown>;

/** What this step reads of the generator's output. */
export type GeneratedDocument = {
  info?: { version?: string };
  paths?: Record<string, Record<string, Json> | undefined>;
  components?: { schemas?: Record<string, Json> };
};

/** A content-API route as the API reaches it. */
export type DocumentedRoute = {
  method: string;
  /** The public path, e.g. `/api/caladeo-contacts/contacts/:id`. */
  path: string;
  /** The users-permissions action and API-token scope it needs, e.g. `plugin::caladeo-contacts.contact.find`. */
  action: string;
  /** Its handler's action when the route checks another one (a list's count: `….contact.count`). */
  handler?: string;
  isPublic: boolean;
  docs: RouteDocs;
};

const SCHEMA_REF = '#/components/schemas/';
const ERROR_CONTENT = { 'application/json': { schema: { $ref: `${SCHEMA_REF}Error` } } };

const SHARED_RESPONSES = {
  Unauthorized: { description: 'The credential is invalid or expired.', content: ERROR_CONTENT },
  Forbidden: {
    description: 'No credential, or one whose token or role lacks this route’s action.',
    content: ERROR_CONTENT,
  },
};

/** `/contacts/:id` → `/contacts/{id}`. */
export const openApiPathOf = (path: string) => path.replace(/:([^/]+)/g, '{$1}');

/** `plugin::caladeo-contacts.contact.find` → `contact.find`: short, and unique among the routes. */
const operationIdOf = (action: string) => action.split('.').slice(-2).join('.');

const fileContent = (media: string) => ({
  [media]: {
    schema: media.startsWith('text/') ? { type: 'string' } : { type: 'string', contentMediaType: media },
  },
});

const HEADERS: Record<string, Json> = {
  303: { Location: { description: 'The page to go to.', schema: { type: 'string', format: 'uri' } } },
  429: {
    'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } },
  },
};

const withHeaders = (status: string, response: Json) =>
  HEADERS[status] ? { ...response, headers: HEADERS[status] } : response;

const successOf = (route: DocumentedRoute, generated: Json): [string, Json] => {
  const { success } = route.docs;
  if (success.status === 204) return ['204', { description: success.description }];
  if ('media' in success)
    return ['200', { description: success.description, content: fileContent(success.media) }];
  const content = (generated.responses as Record<string, Json> | undefined)?.['200']?.content;
  if (!content)
    throw new Error(`caladeo-contacts: ${route.method} ${route.path} declares no response schema`);
  return [String(success.status), { description: success.description, content }];
};

const responsesOf = (route: DocumentedRoute, generated: Json): Json => {
  const { docs } = route;
  const responses: Json = Object.fromEntries([successOf(route, generated)]);
  for (const [status, answer] of Object.entries(docs.otherAnswers ?? {})) {
    const body = answer.media ? { content: fileContent(answer.media) } : {};
    responses[status] = withHeaders(status, { description: answer.description, ...body });
  }
  for (const [status, description] of Object.entries(docs.errors ?? {})) {
    responses[status] = withHeaders(status, { description, content: ERROR_CONTENT });
  }
  if (!route.isPublic) {
    responses['401'] = { $ref: '#/components/responses/Unauthorized' };
    responses['403'] = { $ref: '#/components/responses/Forbidden' };
  }
  return responses;
};

const credentialOf = (route: DocumentedRoute) =>
  route.isPublic
    ? 'Public: no credential.'
    : `Needs the action \`${route.action}\` (a full-access API token holds every action, a read-only` +
      ' one those named find and findOne).';

const operationOf = (route: DocumentedRoute, generated: Json): Json => {
  const { docs } = route;
  // Strapi's `_q` is refused (query-shape.ts): it would search private columns
  const parameters = (generated.parameters as { name?: unknown }[] | undefined)?.filter(
    (parameter) => parameter.name !== '_q'
  );
  return {
    operationId: operationIdOf(route.handler ?? route.action),
    summary: docs.summary,
    description: [docs.description, credentialOf(route)].filter(Boolean).join('\n\n'),
    tags: [docs.tag],
    ...(parameters?.length ? { parameters } : {}),
    ...(generated.requestBody ? { requestBody: { required: true, ...(generated.requestBody as Json) } } : {}),
    responses: responsesOf(route, generated),
    ...(route.isPublic ? { security: [] } : {}),
    'x-strapi-action': route.action,
  };
};

const refsIn = (value: unknown, found: Set<string>) => {
  if (Array.isArray(value)) {
    value.forEach((item) => refsIn(item, found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, nested] of Object.entries(value)) {
      if (key === '$ref' && typeof nested === 'string' && nested.startsWith(SCHEMA_REF)) {
        found.add(nested.slice(SCHEMA_REF.length));
      } else {
        refsIn(nested, found);
      }
    }
  }
};

/** The schemas the document uses, and those they use in turn, by name; Strapi's others are left out. */
const usedSchemas = (document: Json, available: Record<string, Json>) => {
  const used = new Set<string>();
  refsIn(document, used);
  for (const name of used) {
    if (!available[name])
      throw new Error(`caladeo-contacts: the API document refers to a missing schema ${name}`);
    refsIn(available[name], used);
  }
  return Object.fromEntries([...used].sort().map((name) => [name, available[name]]));
};

/** Every schema carries the dialect line zod writes; the document states it once. */
const withoutSchemaDialect = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(withoutSchemaDialect) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$schema')
      .map(([key, nested]) => [key, withoutSchemaDialect(nested)])
  ) as T;
};

/**
 * @param generated   the generator's document for the app's content-API routes
 * @param routes      the routes to document, as `documentedRoutes` reads them from Strapi
 * @param restPrefix  where the REST API is mounted (`api.rest.prefix`); the generator leaves it out
 */
export function finishApiDocument(
  generated: GeneratedDocument,
  routes: readonly DocumentedRoute[],
  restPrefix = '/api'
) {
  const paths: Record<string, Json> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const path = openApiPathOf(route.path);
    const method = route.method.toLowerCase();
    const operation = generated.paths?.[path.slice(restPrefix.length)]?.[method];
    if (!operation || !path.startsWith(restPrefix)) {
      throw new Error(`caladeo-contacts: Strapi's OpenAPI generator has no ${route.method} ${path}`);
    }
    const finished = operationOf(route, operation);
    if (operationIds.has(finished.operationId as string)) {
      throw new Error(`caladeo-contacts: two routes have the operationId ${finished.operationId}`);
    }
    operationIds.add(finished.operationId as string);
    paths[path] = { ...paths[path], [method]: finished };
  }

  const available = { ...generated.components?.schemas, ...errorComponents() };
  return withoutSchemaDialect({
    openapi: '3.1.0',
    info: {
      title: 'Caladeo Contacts API',
      version: generated.info?.version ?? '0.0.0',
      description:
        'Contacts, clients and offers of a group-travel agency, the roles that link them, the ' +
        'newsletter’s public forms and the documents generated from them. Strapi 5 REST ' +
        'conventions: records are named by `documentId`, bodies are `{ "data": { … } }`, refusals ' +
        'answer Strapi’s error envelope. Generated from the routes by `npm run openapi`; docs/api.md ' +
        'tells the rest.',
    },
    // relative: the app that serves the document, whatever its address (not the one it was made on)
    servers: [
      {
        url: '/',
        description: 'The app serving this document (http://localhost:1337 with `npm run develop`).',
      },
    ],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    security: [{ bearerAuth: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token created in the admin (Settings → API Tokens) or the JWT of a users-permissions user.',
        },
      },
      responses: SHARED_RESPONSES,
      schemas: usedSchemas({ paths, SHARED_RESPONSES }, available),
    },
  });
}
