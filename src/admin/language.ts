/**
 * The admin panel's languages. Shared by the panel (src/admin/app.tsx) and the server
 * (src/admin-language.ts), so that a new browser and a new admin user both start in French.
 */
export const ADMIN_LANGUAGES = ['fr', 'en'] as const;

/** The agencies work in French; English stays one click away in each user's profile. */
export const DEFAULT_ADMIN_LANGUAGE = 'fr';

/** Where Strapi's admin keeps the language of the browser it runs in. */
export const ADMIN_LANGUAGE_STORAGE_KEY = 'strapi-admin-language';
