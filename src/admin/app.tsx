export default {
  config: {
    locales: ['fr', 'en'],
  },
  bootstrap() {},
};
