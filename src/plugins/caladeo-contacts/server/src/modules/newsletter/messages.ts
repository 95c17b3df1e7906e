/**
 * The words of the newsletter's mails and pages, in French and English. Pure: the service fills in
 * the links. Every value put into HTML goes through `escapeHtml`.
 */
import type { NewsletterLocale } from '../../../../shared/constants';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

const TEXTS = {
  fr: {
    signUpAccepted: 'Si cette adresse peut recevoir des e-mails, un lien de confirmation va lui être envoyé.',
    confirmSubject: 'Confirmez votre inscription à notre lettre d’information',
    confirmIntro:
      'Vous (ou quelqu’un utilisant votre adresse) avez demandé à recevoir notre lettre d’information. Pour confirmer, suivez ce lien :',
    confirmExpiry: (hours: number) => `Ce lien est valable ${hours} heures et ne sert qu’une fois.`,
    confirmIgnore:
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne sera envoyé.',
    confirmButton: 'Confirmer mon inscription',
    confirmPageTitle: 'Confirmer votre inscription',
    confirmPageText: 'Cliquez sur le bouton pour confirmer votre inscription à notre lettre d’information.',
    confirmedTitle: 'Inscription confirmée',
    confirmedText:
      'Merci ! Vous recevrez désormais notre lettre d’information. Chaque envoi contient un lien de désinscription.',
    invalidConfirmationTitle: 'Lien expiré ou déjà utilisé',
    invalidConfirmationText:
      'Ce lien de confirmation n’est plus valable. Vous pouvez vous inscrire à nouveau depuis notre site.',
    unsubscribePageTitle: 'Se désinscrire',
    unsubscribePageText: 'Cliquez sur le bouton pour ne plus recevoir notre lettre d’information.',
    unsubscribeButton: 'Me désinscrire',
    unsubscribedTitle: 'Désinscription enregistrée',
    unsubscribedText:
      'Vous ne recevrez plus notre lettre d’information. Vous pourrez vous réinscrire à tout moment depuis notre site.',
    invalidUnsubscribeTitle: 'Lien non valable',
    invalidUnsubscribeText:
      'Ce lien de désinscription n’est pas valable. Utilisez le lien du dernier message reçu.',
  },
  en: {
    signUpAccepted: 'If this address can receive mail, a confirmation link is on its way.',
    confirmSubject: 'Please confirm your newsletter subscription',
    confirmIntro:
      'You (or someone using your address) asked to receive our newsletter. To confirm, follow this link:',
    confirmExpiry: (hours: number) => `This link is valid for ${hours} hours and works once.`,
    confirmIgnore: 'If you did not ask for this, ignore this message: nothing will be sent to you.',
    confirmButton: 'Confirm my subscription',
    confirmPageTitle: 'Confirm your subscription',
    confirmPageText: 'Click the button to confirm your subscription to our newsletter.',
    confirmedTitle: 'Subscription confirmed',
    confirmedText: 'Thank you! You will now receive our newsletter. Every issue carries an unsubscribe link.',
    invalidConfirmationTitle: 'Link expired or already used',
    invalidConfirmationText:
      'This confirmation link is no longer valid. You can sign up again on our website.',
    unsubscribePageTitle: 'Unsubscribe',
    unsubscribePageText: 'Click the button to stop receiving our newsletter.',
    unsubscribeButton: 'Unsubscribe me',
    unsubscribedTitle: 'You are unsubscribed',
    unsubscribedText:
      'You will no longer receive our newsletter. You can sign up again at any time on our website.',
    invalidUnsubscribeTitle: 'Link not valid',
    invalidUnsubscribeText:
      'This unsubscribe link is not valid. Use the link in the latest message you received.',
  },
} as const;

export const textsFor = (locale: NewsletterLocale) => TEXTS[locale];

export const confirmationMail = (locale: NewsletterLocale, confirmUrl: string, ttlHours: number) => {
  const texts = TEXTS[locale];
  const text = [
    texts.confirmIntro,
    '',
    confirmUrl,
    '',
    texts.confirmExpiry(ttlHours),
    texts.confirmIgnore,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(texts.confirmIntro)}</p>`,
    `<p><a href="${escapeHtml(confirmUrl)}">${escapeHtml(texts.confirmButton)}</a></p>`,
    `<p>${escapeHtml(texts.confirmExpiry(ttlHours))}</p>`,
    `<p>${escapeHtml(texts.confirmIgnore)}</p>`,
  ].join('\n');
  return { subject: texts.confirmSubject, text, html };
};

/** A small self-contained page (no script, no external resource) with an optional one-button form. */
export const htmlPage = (
  locale: NewsletterLocale,
  title: string,
  paragraph: string,
  form?: { action: string; button: string; hiddenFields?: Record<string, string> }
) => {
  const formHtml = form
    ? [
        `<form method="post" action="${escapeHtml(form.action)}">`,
        ...Object.entries(form.hiddenFields ?? {}).map(
          ([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`
        ),
        `<button type="submit">${escapeHtml(form.button)}</button>`,
        '</form>',
      ].join('\n')
    : '';
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5}button{font-size:1rem;padding:.6rem 1.2rem}</style>',
    '</head>',
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(paragraph)}</p>${formHtml}</body>`,
    '</html>',
  ].join('\n');
};
