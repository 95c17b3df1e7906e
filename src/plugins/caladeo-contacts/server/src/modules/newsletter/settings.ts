import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type RateLimitRule = { points: number; durationSeconds: number };

/** The newsletter's settings, under `newsletter` in the plugin's config (config/plugins.ts). */
export type NewsletterSettings = {
  /** Keys the unsubscribe links and the e-mail digests of the consent log. */
  secret: string;
  /** Base URL of the links written in mails, e.g. https://contacts.example.fr */
  publicUrl: string;
  /** Origins a sign-up may redirect to and that may call the public routes from a browser. */
  allowedOrigins: string[];
  confirmationTtlHours: number;
  /** Largest body accepted by the public routes. */
  maxBodyBytes: number;
  rateLimits: {
    perIp: RateLimitRule;
    perEmail: RateLimitRule;
    /** Shared store for several Strapi nodes; memory when empty. */
    redisUrl: string;
    keyPrefix: string;
  };
};

export const DEVELOPMENT_SECRET = 'caladeo-dev-newsletter-secret';

export const DEFAULT_NEWSLETTER_SETTINGS: NewsletterSettings = {
  secret: DEVELOPMENT_SECRET,
  publicUrl: 'http://localhost:1337',
  allowedOrigins: [],
  confirmationTtlHours: 48,
  maxBodyBytes: 8 * 1024,
  rateLimits: {
    perIp: { points: 10, durationSeconds: 600 },
    perEmail: { points: 3, durationSeconds: 3600 },
    redisUrl: '',
    keyPrefix: 'caladeo-newsletter',
  },
};

export const newsletterSettings = (strapi: Core.Strapi): NewsletterSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.newsletter`, DEFAULT_NEWSLETTER_SETTINGS) as NewsletterSettings;
