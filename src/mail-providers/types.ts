/** What @strapi/email hands a provider's `send`: the fields our mails use. */
export type OutgoingMail = {
  to: string;
  from?: string;
  replyTo?: string;
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
};

export type MailSettings = { defaultFrom?: string; defaultReplyTo?: string };

/** A mail as it left the application: the message with its sender filled in and the time it was sent. */
export type SentMail = OutgoingMail & { from: string; sentAt: string };

export const finishMail = (mail: OutgoingMail, settings: MailSettings): SentMail => ({
  ...mail,
  from: mail.from ?? settings.defaultFrom ?? 'no-reply@localhost',
  replyTo: mail.replyTo ?? settings.defaultReplyTo,
  sentAt: new Date().toISOString(),
});
