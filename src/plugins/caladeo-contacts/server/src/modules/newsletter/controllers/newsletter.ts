import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import {
  NEWSLETTER_LOCALES,
  NEWSLETTER_MAX_LENGTH,
  type NewsletterLocale,
} from '../../../../../shared/constants';
import { htmlPage, textsFor } from '../messages';
import { newsletterSettings } from '../settings';
import { emailDigest } from '../tokens';
import { normaliseNewsletterSignUp } from '../validation';
import type { Visitor } from '../services/newsletter';
import { fieldValidationError } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';

export const SIGN_UP_ACCEPTED_STATUS = 'confirmation_requested';

/**
 * The one answer to every accepted sign-up, in its language: new, pending, known or trapped look
 * the same.
 */
export const signUpAccepted = (locale: NewsletterLocale) => ({
  data: { status: SIGN_UP_ACCEPTED_STATUS, message: textsFor(locale).signUpAccepted },
});

/** The client address as koa sees it: the socket, or the proxy's header only when proxy trust is configured. */
export const visitorOf = (ctx: Context): Visitor => ({
  ipAddress: ctx.request.ip || null,
  userAgent: ctx.get('user-agent').slice(0, NEWSLETTER_MAX_LENGTH.userAgent) || null,
});

/** The language the visitor's browser asks for (Accept-Language), when it is one we write in; else French. */
const pageLocale = (ctx: Context): NewsletterLocale => {
  const accepted = ctx.acceptsLanguages(...NEWSLETTER_LOCALES);
  return accepted === 'en' ? 'en' : 'fr';
};

const sendPage = (ctx: Context, status: number, html: string) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  // the tokens are in the URL: keep them out of caches and Referer headers
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.body = html;
};

const tokenParam = (ctx: Context) => String((ctx.params as Record<string, unknown>).token ?? '');

export const sendSubscribersCsv = (strapi: Core.Strapi, ctx: Context) => {
  const date = new Date().toISOString().slice(0, 10);
  ctx.type = 'text/csv; charset=utf-8';
  ctx.set('Content-Disposition', `attachment; filename="newsletter-subscribers-${date}.csv"`);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = getService(strapi, 'newsletter').exportSubscribersCsv();
};

const newsletterController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async subscribe(ctx: Context) {
    const settings = newsletterSettings(strapi);
    // a form that does not say its language gets the browser's, for this answer and the mail alike
    const result = normaliseNewsletterSignUp(ctx.request.body, settings.allowedOrigins, pageLocale(ctx));
    if (!result.ok) throw fieldValidationError(result.errors);
    const signUp = result.data;

    // protects the mailbox from being flooded; the per-IP limit (route middleware) protects the service
    const limit = await getService(strapi, 'rate-limits').consume(
      'perEmail',
      emailDigest(settings.secret, signUp.email)
    );
    if (!limit.allowed) {
      ctx.set('Retry-After', String(limit.retryAfterSeconds));
      throw new errors.RateLimitError('Too many sign-ups for this address; try again later.', {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }

    await getService(strapi, 'newsletter').signUp(signUp, visitorOf(ctx));

    if (signUp.redirectTo) {
      ctx.status = 303;
      ctx.redirect(signUp.redirectTo);
      return;
    }
    ctx.status = 202;
    ctx.set('Content-Language', signUp.locale);
    ctx.body = signUpAccepted(signUp.locale);
  },

  async showConfirmation(ctx: Context) {
    const token = tokenParam(ctx);
    const state = await getService(strapi, 'newsletter').confirmationState(token);
    const texts = textsFor(state.locale);
    if (!state.valid) {
      return sendPage(
        ctx,
        410,
        htmlPage(state.locale, texts.invalidConfirmationTitle, texts.invalidConfirmationText)
      );
    }
    // a GET never confirms: mail scanners follow links, only a person presses the button
    sendPage(
      ctx,
      200,
      htmlPage(state.locale, texts.confirmPageTitle, texts.confirmPageText, {
        action: `./${encodeURIComponent(token)}`,
        button: texts.confirmButton,
      })
    );
  },

  async confirm(ctx: Context) {
    const state = await getService(strapi, 'newsletter').confirm(tokenParam(ctx), visitorOf(ctx));
    const texts = textsFor(state.locale);
    if (!state.valid) {
      return sendPage(
        ctx,
        410,
        htmlPage(state.locale, texts.invalidConfirmationTitle, texts.invalidConfirmationText)
      );
    }
    sendPage(ctx, 200, htmlPage(state.locale, texts.confirmedTitle, texts.confirmedText));
  },

  async showUnsubscribe(ctx: Context) {
    const token = tokenParam(ctx);
    const locale = pageLocale(ctx);
    const texts = textsFor(locale);
    if (!getService(strapi, 'newsletter').isValidUnsubscribeToken(token)) {
      return sendPage(
        ctx,
        404,
        htmlPage(locale, texts.invalidUnsubscribeTitle, texts.invalidUnsubscribeText)
      );
    }
    sendPage(
      ctx,
      200,
      htmlPage(locale, texts.unsubscribePageTitle, texts.unsubscribePageText, {
        action: `./${encodeURIComponent(token)}`,
        button: texts.unsubscribeButton,
        hiddenFields: { 'List-Unsubscribe': 'One-Click' },
      })
    );
  },

  /** RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here; so does the page's button. */
  async unsubscribe(ctx: Context) {
    const locale = pageLocale(ctx);
    const texts = textsFor(locale);
    const done = await getService(strapi, 'newsletter').unsubscribe(tokenParam(ctx), visitorOf(ctx));
    if (!done)
      return sendPage(
        ctx,
        404,
        htmlPage(locale, texts.invalidUnsubscribeTitle, texts.invalidUnsubscribeText)
      );
    sendPage(ctx, 200, htmlPage(locale, texts.unsubscribedTitle, texts.unsubscribedText));
  },

  async exportSubscribers(ctx: Context) {
    sendSubscribersCsv(strapi, ctx);
  },
});

export default newsletterController;
