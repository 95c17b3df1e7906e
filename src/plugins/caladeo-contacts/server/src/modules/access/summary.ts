/**
 * The readable summary of a person export: one self-contained HTML page (no script, no outside
 * resource, its style inline) that prints well, in French or English. Every value is escaped:
 * a name typed on the public form is text, never markup.
 */
import {
  consentEventWording,
  type ConsentAction,
  type ConsentSettingAction,
  type HistoryAction,
  type LinkRole,
  type PersonExportLocale,
} from '../../../../shared/constants';
import { fieldLabelMessages, type FieldLabelKey } from '../../../../shared/fields';
import type { PersonExport } from './services/person-export';

type Words = {
  title: string;
  intro: string;
  exportedAt: string;
  person: string;
  clients: string;
  offers: string;
  consentLog: string;
  confirmations: string;
  signUps: string;
  aliases: string;
  history: string;
  none: string;
  yes: string;
  no: string;
  primary: string;
  roles: Record<LinkRole, string>;
  /** Each event by its name; a direct change also by the way it set the newsletter. */
  consent: Record<ConsentAction | `${ConsentSettingAction}.${'on' | 'off'}`, string>;
  actions: Record<HistoryAction, string>;
  columns: Record<
    | 'name'
    | 'type'
    | 'role'
    | 'reference'
    | 'title'
    | 'dates'
    | 'when'
    | 'what'
    | 'source'
    | 'by'
    | 'changes'
    | 'email'
    | 'expiresAt'
    | 'ip'
    | 'documentId'
    | 'createdAt'
    | 'updatedAt',
    string
  >;
};

const WORDS: Record<PersonExportLocale, Words> = {
  fr: {
    title: 'Données personnelles',
    intro:
      'Voici toutes les données que nous détenons à votre sujet, telles qu’elles sont enregistrées (RGPD, articles 15 et 20). Le fichier JSON joint à cette demande contient les mêmes données sous une forme lisible par une machine.',
    exportedAt: 'Extraites le',
    person: 'Vos coordonnées',
    clients: 'Organisations auxquelles vous êtes rattaché(e)',
    offers: 'Offres et voyages',
    consentLog: 'Historique de votre consentement à la newsletter',
    confirmations: 'Liens de confirmation envoyés',
    signUps: 'Inscriptions à la newsletter en attente',
    aliases: 'Autres adresses e-mail rattachées à votre fiche',
    history: 'Historique des modifications de votre fiche',
    none: 'Aucune',
    yes: 'oui',
    no: 'non',
    primary: 'contact principal',
    roles: {
      responsable_voyage: 'Responsable voyage',
      president: 'Président(e)',
      payeur: 'Payeur',
      voyageur: 'Voyageur',
      accompagnateur: 'Accompagnateur',
      contact_facturation: 'Contact facturation',
      autre: 'Autre',
    },
    consent: {
      requested: 'Inscription demandée',
      confirmed: 'Inscription confirmée',
      withdrawn: 'Désinscription',
      set_by_staff: 'Modifié par l’agence',
      set_by_api: 'Modifié par une application',
      set_by_import: 'Modifié par un import',
      'set_by_staff.on': 'Inscription activée par l’agence',
      'set_by_staff.off': 'Inscription désactivée par l’agence',
      'set_by_api.on': 'Inscription activée par une application',
      'set_by_api.off': 'Inscription désactivée par une application',
      'set_by_import.on': 'Inscription activée par un import',
      'set_by_import.off': 'Inscription désactivée par un import',
    },
    actions: {
      create: 'Création',
      update: 'Modification',
      delete: 'Suppression',
      link: 'Rattachement',
      unlink: 'Détachement',
      merge: 'Fusion de doublons',
      unmerge: 'Fusion annulée',
      erase: 'Données personnelles effacées',
    },
    columns: {
      name: 'Nom',
      type: 'Type',
      role: 'Rôle',
      reference: 'Référence',
      title: 'Intitulé',
      dates: 'Dates',
      when: 'Date',
      what: 'Événement',
      source: 'Origine',
      by: 'Par',
      changes: 'Modifications',
      email: 'E-mail',
      expiresAt: 'Expire le',
      ip: 'Adresse IP',
      documentId: 'Identifiant',
      createdAt: 'Créée le',
      updatedAt: 'Modifiée le',
    },
  },
  en: {
    title: 'Personal data',
    intro:
      'This is all the data we hold about you, as it is stored (GDPR, articles 15 and 20). The JSON file that comes with this request holds the same data in a machine-readable form.',
    exportedAt: 'Extracted on',
    person: 'Your details',
    clients: 'Organisations you belong to',
    offers: 'Offers and trips',
    consentLog: 'History of your newsletter consent',
    confirmations: 'Confirmation links sent',
    signUps: 'Newsletter sign-ups waiting',
    aliases: 'Other e-mail addresses that lead to your record',
    history: 'History of the changes to your record',
    none: 'None',
    yes: 'yes',
    no: 'no',
    primary: 'primary contact',
    roles: {
      responsable_voyage: 'Trip manager',
      president: 'President',
      payeur: 'Payer',
      voyageur: 'Traveller',
      accompagnateur: 'Escort',
      contact_facturation: 'Billing contact',
      autre: 'Other',
    },
    consent: {
      requested: 'Sign-up requested',
      confirmed: 'Sign-up confirmed',
      withdrawn: 'Unsubscribed',
      set_by_staff: 'Set by the agency',
      set_by_api: 'Set by an application',
      set_by_import: 'Set by an import',
      'set_by_staff.on': 'Subscription turned on by the agency',
      'set_by_staff.off': 'Subscription turned off by the agency',
      'set_by_api.on': 'Subscription turned on by an application',
      'set_by_api.off': 'Subscription turned off by an application',
      'set_by_import.on': 'Subscription turned on by an import',
      'set_by_import.off': 'Subscription turned off by an import',
    },
    actions: {
      create: 'Created',
      update: 'Changed',
      delete: 'Deleted',
      link: 'Linked',
      unlink: 'Unlinked',
      merge: 'Duplicates merged',
      unmerge: 'Merge undone',
      erase: 'Personal data erased',
    },
    columns: {
      name: 'Name',
      type: 'Type',
      role: 'Role',
      reference: 'Reference',
      title: 'Title',
      dates: 'Dates',
      when: 'Date',
      what: 'Event',
      source: 'Source',
      by: 'By',
      changes: 'Changes',
      email: 'E-mail',
      expiresAt: 'Expires',
      ip: 'IP address',
      documentId: 'Identifier',
      createdAt: 'Created',
      updatedAt: 'Changed',
    },
  },
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an HTML element or a quoted attribute. */
export const escapeHtml = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

type Cell = unknown;

const table = (words: Words, headers: string[], rows: Cell[][]) =>
  rows.length === 0
    ? `<p class="none">${escapeHtml(words.none)}</p>`
    : `<table><thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${rows
        .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;

const section = (heading: string, body: string) =>
  `<section><h2>${escapeHtml(heading)}</h2>${body}</section>`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:60rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eee}.none{color:#666;font-style:italic}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dt{font-weight:600}@media print{body{margin:0}section{break-inside:avoid}}`;

/** The summary page of an export, in the reader's language. */
export const personSummaryHtml = (data: PersonExport, locale: PersonExportLocale) => {
  const words = WORDS[locale];
  const labels = fieldLabelMessages(locale);
  const when = (value: string | null) =>
    value
      ? new Date(value).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC' }) + ' UTC'
      : '';
  const flag = (value: unknown) => (value === true ? words.yes : value === false ? words.no : (value ?? ''));
  const label = (field: string) => labels[`contact.${field}` as FieldLabelKey] ?? field;
  const roles = (link: { roles: LinkRole[]; isPrimary: boolean }) =>
    [...link.roles.map((role) => words.roles[role] ?? role), ...(link.isPrimary ? [words.primary] : [])].join(
      ', '
    );
  const { person } = data;
  const name = [person.firstName, person.lastName].filter(Boolean).join(' ') || String(person.email ?? '');

  const details = Object.entries(person)
    .map(([field, value]) => {
      const shown =
        field === 'createdAt' || field === 'updatedAt' ? when(value as string | null) : flag(value);
      const title =
        field === 'documentId' || field === 'createdAt' || field === 'updatedAt'
          ? words.columns[field]
          : label(field);
      return `<dt>${escapeHtml(title)}</dt><dd>${escapeHtml(shown)}</dd>`;
    })
    .join('');

  const body = [
    section(words.person, `<dl>${details}</dl>`),
    section(
      words.clients,
      table(
        words,
        [words.columns.name, words.columns.type, words.columns.role],
        data.clients.map((client) => [client.name, client.type, roles(client)])
      )
    ),
    section(
      words.offers,
      table(
        words,
        [words.columns.reference, words.columns.title, words.columns.dates, words.columns.role],
        data.offers.map((offer) => [
          offer.reference,
          [offer.title, offer.destination].filter(Boolean).join(' — '),
          [offer.startDate, offer.endDate].filter(Boolean).join(' → '),
          roles(offer),
        ])
      )
    ),
    section(
      words.consentLog,
      table(
        words,
        [words.columns.when, words.columns.what, words.columns.source, words.columns.ip],
        data.consentLog.map((event) => [
          when(event.occurredAt as string | null),
          words.consent[consentEventWording(event) as keyof Words['consent']] ?? event.action,
          [event.source, event.consentTextVersion].filter(Boolean).join(' · '),
          [event.ipAddress, event.userAgent].filter(Boolean).join(' · '),
        ])
      )
    ),
    section(
      words.confirmations,
      table(
        words,
        [words.columns.when, words.columns.expiresAt, words.columns.source],
        data.newsletterConfirmations.map((confirmation) => [
          when(confirmation.createdAt as string | null),
          when(confirmation.expiresAt as string | null),
          confirmation.source,
        ])
      )
    ),
    section(
      words.signUps,
      table(
        words,
        [words.columns.when, words.columns.email, words.columns.name, words.columns.source, words.columns.ip],
        data.signUpRequests.map((signUp) => [
          when(signUp.requestedAt as string | null),
          signUp.email,
          [signUp.firstName, signUp.lastName].filter(Boolean).join(' '),
          signUp.source,
          [signUp.ipAddress, signUp.userAgent].filter(Boolean).join(' · '),
        ])
      )
    ),
    section(
      words.aliases,
      table(
        words,
        [words.columns.email, words.columns.when],
        data.emailAliases.map((alias) => [alias.email, when(alias.since)])
      )
    ),
    section(
      words.history,
      table(
        words,
        [words.columns.when, words.columns.what, words.columns.by, words.columns.changes],
        data.history.map((entry) => [
          when(entry.occurredAt),
          words.actions[entry.action as HistoryAction] ?? entry.action,
          entry.entryPoint,
          Object.entries(entry.changes ?? {})
            .map(([field, change]) => `${label(field)}: ${change.before ?? '∅'} → ${change.after ?? '∅'}`)
            .join('; '),
        ])
      )
    ),
  ].join('\n');

  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(`${words.title} — ${name}`)}</title>
<style>${STYLE}</style></head>
<body><h1>${escapeHtml(`${words.title} — ${name}`)}</h1>
<p>${escapeHtml(words.intro)}</p><p>${escapeHtml(words.exportedAt)} ${escapeHtml(when(data.exportedAt))}</p>
${body}
</body></html>
`;
};
