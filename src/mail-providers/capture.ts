import { finishMail, type MailSettings, type OutgoingMail, type SentMail } from './types';

/**
 * The test environment's mail provider: nothing leaves the process; every mail is kept in
 * `sentMails` on the provider (`strapi.plugin('email').provider`) for the tests to read.
 */
export type CapturingMailProvider = {
  sentMails: SentMail[];
  send: (mail: OutgoingMail) => Promise<void>;
};

export const init = (_options: unknown, settings: MailSettings = {}): CapturingMailProvider => {
  const sentMails: SentMail[] = [];
  return {
    sentMails,
    async send(mail) {
      sentMails.push(finishMail(mail, settings));
    },
  };
};
