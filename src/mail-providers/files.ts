import fs from 'fs/promises';
import path from 'path';
import { randomUUID } from 'crypto';
import { finishMail, type MailSettings, type OutgoingMail } from './types';

/**
 * The development mail provider: each mail becomes a readable `.eml`-like text file in a directory
 * (`.tmp/mails/` by default), newest last by name, so a developer can follow links in it. Nothing
 * goes over the network.
 */
export const init = (options: { directory?: string } = {}, settings: MailSettings = {}) => {
  const directory = options.directory ?? path.resolve('.tmp', 'mails');
  return {
    async send(mail: OutgoingMail) {
      const sent = finishMail(mail, settings);
      await fs.mkdir(directory, { recursive: true });
      const headers = [
        `From: ${sent.from}`,
        `To: ${sent.to}`,
        ...(sent.replyTo ? [`Reply-To: ${sent.replyTo}`] : []),
        `Subject: ${sent.subject}`,
        `Date: ${sent.sentAt}`,
        ...Object.entries(sent.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
      ];
      const body = [headers.join('\n'), '', sent.text ?? '', '', '--- HTML ---', sent.html ?? ''].join('\n');
      const name = `${sent.sentAt.replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.txt`;
      await fs.writeFile(path.join(directory, name), body, 'utf8');
    },
  };
};
