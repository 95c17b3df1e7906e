/**
 * The suppression list's hashes: an HMAC-SHA256, keyed with the privacy secret, of an erased
 * person's normalised e-mail or E.164 phone. Keyed, so that whoever reads the table cannot test
 * addresses against it without the secret; the kind is hashed too, so one hash means one thing.
 */
import { createHmac } from 'crypto';
import type { SuppressionKind } from '../../../../shared/constants';

/** The form a value is hashed in: e-mails as stored (trimmed, lower case), phones in E.164. */
export const normalisedForSuppression = (kind: SuppressionKind, value: string) =>
  kind === 'email' ? value.trim().toLowerCase() : value.replace(/[\s.()-]/g, '');

export const suppressionHash = (secret: string, kind: SuppressionKind, value: string) =>
  createHmac('sha256', secret)
    .update(`${kind}:${normalisedForSuppression(kind, value)}`)
    .digest('hex');
