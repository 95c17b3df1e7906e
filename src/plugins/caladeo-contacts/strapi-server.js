// Strapi loads the plugin from the source tree; its server code is compiled by the app's own
// TypeScript build into dist/ (there is no separate plugin build step).
const path = require('path');

const appRoot = path.resolve(__dirname, '..', '..', '..');
const server = require(path.join(appRoot, 'dist', 'src', 'plugins', 'caladeo-contacts', 'server', 'src'));

module.exports = server.default || server;
