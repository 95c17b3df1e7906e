import coBody from 'co-body';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import type { Context, Next } from 'koa';
import { hasFragmentCycle } from '../config/graphql-limits';
import { bodyRefusal } from '../plugins/caladeo-contacts/server/src/modules/records/middlewares/request-shape';

/** The JSON body limit of the GraphQL endpoint's own parser (koa-bodyparser's default). */
const JSON_LIMIT = '1mb';

/** A refusal as GraphQL gives one for an invalid document. */
const refuse = (ctx: Context, message: string, code = 'GRAPHQL_VALIDATION_FAILED') => {
  ctx.status = 400;
  ctx.body = { errors: [{ message, extensions: { code } }] };
};

/**
 * The name of an operation or a fragment that starts with `__`, which GraphQL reserves for
 * introspection. The depth limit keeps operations and fragments in plain objects keyed by name:
 * `query __proto__ { … }` replaces such an object's prototype and fails the request with a 500.
 */
const reservedName = (document: DocumentNode) => {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION)
      continue;
    if (definition.name?.value.startsWith('__')) return definition.name.value;
  }
  return null;
};

/** Whether a string literal of the document holds a NUL (`"\u0000"`), which PostgreSQL cannot take. */
const hasNulLiteral = (document: DocumentNode) => {
  let found = false;
  visit(document, { StringValue: (node) => void (node.value.includes('\u0000') && (found = true)) });
  return found;
};

/**
 * Reads a JSON body once, here, so that it can be checked; the endpoint's parser then finds it read
 * (it skips a request whose body is set).
 */
const readBody = async (ctx: Context) => {
  const request = ctx.request as { body?: unknown };
  if (ctx.method !== 'POST' || request.body !== undefined || !ctx.is('application/json')) return request.body;
  request.body = await coBody.json(ctx.req, { limit: JSON_LIMIT });
  return request.body;
};

/**
 * Before the GraphQL endpoint (Strapi's body parser leaves it alone): a body with a prototype key or
 * nested past any form is refused as the REST API refuses it (request-shape.ts), and a document whose
 * fragments spread themselves, or that names an operation or a fragment with a reserved name
 * (`__proto__`…), is refused as GraphQL refuses any invalid document (400,
 * GRAPHQL_VALIDATION_FAILED); a NUL character in a variable or a string literal is bad input
 * (400, BAD_USER_INPUT: PostgreSQL would fail on it with a 500). The GraphQL plugin's depth limit, which always runs, would otherwise
 * recurse through the cycle until the stack overflows, or fail on the name. A document that does
 * not parse is left to the endpoint, which says why.
 */
export default () => async (ctx: Context, next: Next) => {
  if (ctx.path !== '/graphql') return next();
  let body: unknown;
  try {
    body = await readBody(ctx);
  } catch {
    return refuse(ctx, 'The body must be well-formed JSON', 'BAD_REQUEST');
  }
  const refusal = bodyRefusal(body);
  if (refusal) return refuse(ctx, `${refusal.path.join('.')} ${refusal.problem.code}`, 'BAD_REQUEST');
  // a NUL in a variable or a literal is refused as the REST API refuses it in a query
  const variables = ctx.method === 'GET' ? ctx.query.variables : (body as { variables?: unknown })?.variables;
  const nul = bodyRefusal(variables, 'query');
  if (nul?.problem.code === 'text.controlCharacters')
    return refuse(ctx, `variables.${nul.path.slice(1).join('.')} text.controlCharacters`, 'BAD_USER_INPUT');
  const text = ctx.method === 'GET' ? ctx.query.query : (body as { query?: unknown } | undefined)?.query;
  if (typeof text !== 'string') return next();
  let document: DocumentNode;
  try {
    document = parse(text, { maxTokens: 50_000 });
  } catch {
    return next();
  }
  if (hasNulLiteral(document))
    return refuse(
      ctx,
      'A string of the operation holds a NUL character: text.controlCharacters',
      'BAD_USER_INPUT'
    );
  const reserved = reservedName(document);
  if (reserved)
    return refuse(ctx, `"${reserved}" is a reserved name: names beginning with __ are for introspection`);
  if (hasFragmentCycle(document))
    return refuse(ctx, 'A fragment of this operation spreads itself, directly or through other fragments');
  return next();
};
