import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isLeafType,
  isNonNullType,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type GraphQLOutputType,
  type ValidationContext,
} from 'graphql';
import { createComplexityRule, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What one GraphQL operation may ask, checked while it is validated, before anything runs: how
 * deep it nests, how many aliased fields it has (each alias is one more query of the database),
 * and its estimated cost, in fields read, each list counted as many times as the page it asks
 * for (`defaultPageSize` when it names none).
 */
export const GRAPHQL_LIMITS = { depth: 10, aliases: 20, cost: 25_000, defaultPageSize: 25 } as const;

const isList = (type: GraphQLOutputType): boolean =>
  isNonNullType(type) ? isList(type.ofType) : isListType(type);

/** The page a list field asks for: `pagination: { pageSize | limit }`, else Strapi's default. */
const pageSizeOf = (args: Record<string, unknown>) => {
  const pagination = (args.pagination ?? {}) as { pageSize?: unknown; limit?: unknown };
  const asked = Number(pagination.pageSize ?? pagination.limit);
  return Number.isFinite(asked) && asked > 0 ? asked : GRAPHQL_LIMITS.defaultPageSize;
};

/** One per field read; a list of objects costs its page times what each of them reads. */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const perItem = 1 + childComplexity;
  if (!isList(field.type) || isLeafType(getNamedType(field.type))) return perItem;
  return pageSizeOf(args) * perItem;
};

/** Whether some fragment spreads itself, directly or through others (iterative: no input overflows). */
export const hasFragmentCycle = (document: DocumentNode) => {
  const spreads = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const named: string[] = [];
    visit(definition, { FragmentSpread: (node) => void named.push(node.name.value) });
    spreads.set(definition.name.value, named);
  }
  const done = new Set<string>();
  for (const start of spreads.keys()) {
    if (done.has(start)) continue;
    const onPath = new Set<string>();
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }];
    onPath.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { name: string; next: number };
      const children = spreads.get(top.name) ?? [];
      if (top.next >= children.length) {
        stack.pop();
        onPath.delete(top.name);
        done.add(top.name);
        continue;
      }
      const child = children[top.next++] as string;
      if (onPath.has(child)) return true;
      if (done.has(child) || !spreads.has(child)) continue;
      onPath.add(child);
      stack.push({ name: child, next: 0 });
    }
  }
  return false;
};

const countAliases = (document: DocumentNode) => {
  let aliases = 0;
  visit(document, { Field: (node) => void (node.alias && (aliases += 1)) });
  return aliases;
};

/**
 * The variables sent with the operation being validated. Apollo hands validation rules the
 * document only; the request is Strapi's request context (async local storage), and the cost of
 * `pagination: $page` depends on them.
 */
const variablesOfRequest = (): Record<string, unknown> => {
  const app = (globalThis as { strapi?: { requestContext?: { get(): unknown } } }).strapi;
  const context = app?.requestContext?.get() as { request?: { body?: { variables?: unknown } } } | undefined;
  const variables = context?.request?.body?.variables;
  return typeof variables === 'object' && variables !== null ? (variables as Record<string, unknown>) : {};
};

/**
 * The validation rule of the GraphQL endpoint, beside the plugin's depth limit. A document whose
 * fragments spread themselves never gets here (src/middlewares/graphql-fragment-cycles.ts refuses
 * it first); were it to, the cost walk is skipped, as it would recurse forever on it.
 */
export const graphqlLimitsRule = (context: ValidationContext): ASTVisitor => {
  const document = context.getDocument();
  if (hasFragmentCycle(document)) return {};
  const aliases = countAliases(document);
  if (aliases > GRAPHQL_LIMITS.aliases) {
    context.reportError(
      new GraphQLError(
        `The operation has ${aliases} aliased fields; at most ${GRAPHQL_LIMITS.aliases} are allowed`
      )
    );
    return {};
  }
  const cost = createComplexityRule({
    maximumComplexity: GRAPHQL_LIMITS.cost,
    variables: variablesOfRequest(),
    estimators: [pageEstimator],
    createError: (max, actual) =>
      new GraphQLError(`The operation would read about ${actual} fields; at most ${max} are allowed`),
  })(context) as unknown as ASTVisitor;
  return cost;
};
