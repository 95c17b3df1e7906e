/**
 * The secrets behind the newsletter's links. Pure (node:crypto only), unit-tested beside.
 * - Confirmation links carry 32 random bytes; only their SHA-256 is stored, so a database leak
 *   cannot confirm anyone.
 * - Unsubscribe links carry the contact's documentId and an HMAC of it: they need no storage,
 *   never expire, and cannot be made for another contact without the secret.
 */
import { DOCUMENT_ID_PATTERN } from '../../../../shared/constants';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

const CONFIRMATION_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
export const hashConfirmationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const newConfirmationToken = () => {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashConfirmationToken(token) };
};

/** Refuses anything that cannot be one of our tokens before it reaches a query. */
export const isWellFormedConfirmationToken = (token: unknown): token is string =>
  typeof token === 'string' && CONFIRMATION_TOKEN_PATTERN.test(token);

const hmac = (secret: string, purpose: string, value: string) =>
  createHmac('sha256', secret).update(`${purpose}:${value}`).digest('base64url');

export const signUnsubscribeToken = (secret: string, contactDocumentId: string) =>
  `${contactDocumentId}.${hmac(secret, 'unsubscribe', contactDocumentId)}`;

/** The contact's documentId when the token was signed with this secret, else null. */
export const verifyUnsubscribeToken = (secret: string, token: unknown): string | null => {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [documentId, signature, ...rest] = token.split('.');
  if (rest.length > 0 || !documentId || !signature || !DOCUMENT_ID_PATTERN.test(documentId)) return null;
  const expected = Buffer.from(hmac(secret, 'unsubscribe', documentId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? documentId : null;
};

/**
 * A keyed digest of an e-mail address, kept on consent events so that evidence stays linkable to
 * an address presented later (a complaint, a regulator's question) even after the contact, and
 * with it the address in clear, has been erased.
 */
export const emailDigest = (secret: string, email: string) =>
  createHmac('sha256', secret).update(`email:${email.trim().toLowerCase()}`).digest('hex');
