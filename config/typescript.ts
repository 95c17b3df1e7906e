// The content types' typings in types/generated/ are committed and type-checked with the code:
// `strapi develop` rewrites them at every start, and CI fails when they differ from the schemas
// (`npm run types:check`), so develop, build, the tests and the type check all see the same types.
export default {
  autogenerate: true,
};
