import type { Core } from '@strapi/strapi';

/**
 * Mounts the app's routes and listens on a free local port, so that a script measures real HTTP
 * requests (routing, policies, serialisation) as an external app would make them.
 */
export async function listen(strapi: Core.Strapi) {
  strapi.server.mount();
  const httpServer = strapi.server.httpServer;
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const address = httpServer.address();
  if (typeof address !== 'object' || !address) throw new Error('the HTTP server has no port');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => httpServer.close(() => resolve())),
  };
}
