import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { contentApiPath } from '../../../utils/routes';
import { newsletterSettings } from '../settings';

/** The routes anyone may call: the sign-up form, confirmation and unsubscribe links. */
const PUBLIC_FORM_PATHS = [
  '/newsletter/subscriptions',
  '/newsletter/confirmations/',
  '/newsletter/unsubscribe/',
];

const ACCEPTED_BODY_TYPES = ['application/json', 'application/x-www-form-urlencoded'];

/**
 * App middleware placed before `strapi::cors` and `strapi::body` (config/middlewares.ts), for the
 * public form routes only:
 * - CORS limited to the configured website origins (the app's CORS stays as configured elsewhere);
 * - a body size limit far below Strapi's 1 MB, checked on Content-Length before anything is read;
 * - JSON and urlencoded forms only (no multipart: nothing is written to disk for a public caller).
 */
const publicForms = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const paths = PUBLIC_FORM_PATHS.map((path) => contentApiPath(strapi, path));
  const isPublicFormPath = (path: string) =>
    paths.some((prefix) => (prefix.endsWith('/') ? path.startsWith(prefix) : path === prefix));
  return async (ctx: Context, next: Next) => {
    if (!isPublicFormPath(ctx.path)) return next();
    const { allowedOrigins, maxBodyBytes } = newsletterSettings(strapi);
    const origin = ctx.get('Origin');
    const isAllowedOrigin = origin !== '' && allowedOrigins.includes(origin);

    const applyCors = () => {
      ctx.remove('Access-Control-Allow-Origin');
      ctx.remove('Access-Control-Allow-Credentials');
      ctx.vary('Origin');
      if (isAllowedOrigin) ctx.set('Access-Control-Allow-Origin', origin);
    };

    if (ctx.method === 'OPTIONS') {
      applyCors();
      if (isAllowedOrigin) {
        ctx.set('Access-Control-Allow-Methods', 'GET, POST');
        ctx.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
        ctx.set('Access-Control-Max-Age', '600');
      }
      ctx.status = 204;
      return;
    }

    if (ctx.method === 'POST') {
      const length = ctx.get('Content-Length');
      const hasBody = length !== '' ? Number(length) > 0 : ctx.get('Transfer-Encoding') !== '';
      if (hasBody && length === '') ctx.throw(411, 'a Content-Length is required');
      if (Number(length) > maxBodyBytes) {
        throw new errors.PayloadTooLargeError(`the body may not exceed ${maxBodyBytes} bytes`);
      }
      if (hasBody && !ctx.is(ACCEPTED_BODY_TYPES)) {
        ctx.throw(415, 'send application/json or application/x-www-form-urlencoded');
      }
    }

    try {
      await next();
    } finally {
      applyCors();
    }
  };
};

export default publicForms;
