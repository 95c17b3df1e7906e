import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { audit, loginAs, openSession, shot, SUPER_ADMIN, type App } from './app';

/**
 * A bulk attach of every result of a search, past the contacts a request waits for, runs as a
 * background job whose progress panel the list shows. The app runs with small limits (20 contacts
 * inline, 4 a chunk) so that a few hundred contacts make a job of many chunks: long enough, at the
 * speed of a test machine, for the panel to be seen running and stopped midway.
 */
const INLINE_MAX = 20;
const CHUNK = 4;
const GROUP = 600;
const LAST_NAME = 'Congressiste';
const LIST = '/admin/plugins/caladeo-contacts';
const ADMIN = '/caladeo-contacts';

let app: App;
let browser: Browser;
let superToken: string;
/** The group's documentIds in the list's order by name (the order the job takes them in). */
const group: string[] = [];

const nameOf = (index: number) => `Délégué${String(index).padStart(3, '0')}`;

beforeAll(async () => {
  ({ app, browser, superToken } = await openSession({
    BULK_INLINE_MAX: String(INLINE_MAX),
    BULK_JOB_CHUNK_SIZE: String(CHUNK),
  }));
  // a few at a time: the app answers each in turn, the requests only wait less for one another
  for (let start = 1; start <= GROUP; start += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, GROUP - start + 1) }, (_, offset) =>
        app.api(
          'POST',
          `${ADMIN}/contacts`,
          { firstName: nameOf(start + offset), lastName: LAST_NAME },
          superToken
        )
      )
    );
    group.push(...batch.map((contact) => String(contact.documentId)));
  }
  // two contacts the search must leave out
  for (const lastName of ['Martin', 'Bernard']) {
    await app.api('POST', `${ADMIN}/contacts`, { firstName: 'Paul', lastName }, superToken);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const LANGUAGES = [
  {
    language: 'fr' as const,
    viewport: { width: 1440, height: 900 },
    offer: { reference: 'OFF-2027-0412', title: 'Congrès de Lyon' },
    client: 'Fédération des Congrès',
    words: {
      selectPage: 'Sélectionner tous les contacts de la page',
      selectAll: `Sélectionner les ${GROUP} résultats`,
      allSelected: `Les ${GROUP} résultats de la recherche sont sélectionnés`,
      attach: 'Associer…',
      attachCount: `Associer ${GROUP} contacts`,
      offer: 'Une offre',
      client: 'Un client',
      role: 'Rôle',
      traveller: 'Voyageur',
      other: 'Autre',
      started: `${GROUP} contacts sont traités en arrière-plan`,
      title: `Association de ${GROUP} contacts`,
      queued: 'En attente',
      running: 'En cours',
      completed: 'Terminé.',
      cancelled: 'Arrêté : ce qui était fait le reste.',
      progress: (done: number) => `${done} contacts sur ${GROUP}`,
      attached: (count: number) => `${count} contacts associés · aucun ne l’avait déjà · aucun refus`,
      stop: 'Arrêter',
      close: 'Fermer',
      results: (count: number) => `${count} résultats`,
    },
  },
  {
    language: 'en' as const,
    viewport: { width: 1024, height: 768 },
    offer: { reference: 'OFF-2027-0413', title: 'Lyon Convention' },
    client: 'Convention Federation',
    words: {
      selectPage: 'Select every contact on this page',
      selectAll: `Select all ${GROUP} results`,
      allSelected: `All ${GROUP} results of the search are selected`,
      attach: 'Attach…',
      attachCount: `Attach ${GROUP} contacts`,
      offer: 'An offer',
      client: 'A client',
      role: 'Role',
      traveller: 'Traveller',
      other: 'Other',
      started: `${GROUP} contacts are being done in the background`,
      title: `Attaching ${GROUP} contacts`,
      queued: 'Waiting to start',
      running: 'In progress',
      completed: 'Done.',
      cancelled: 'Stopped: what was done before stays done.',
      progress: (done: number) => `${done} of ${GROUP} contacts`,
      attached: (count: number) => `${count} contacts attached · none had it already · none refused`,
      stop: 'Stop',
      close: 'Close',
      results: (count: number) => `${count} results`,
    },
  },
];

type Words = (typeof LANGUAGES)[number]['words'];

/** The panel: the region around the job's status line, up to its buttons. */
const panelOf = (page: Page, words: Words) =>
  page
    .locator('div')
    .filter({ has: page.getByRole('status').filter({ hasText: words.title }) })
    .filter({ has: page.getByRole('progressbar') })
    .last();

/** The count of contacts done the panel shows, read from its "done of total" line. */
const doneShown = async (panel: Locator, words: Words) => {
  const text = await panel.textContent();
  const pattern = new RegExp(words.progress(0).replace('0', '(\\d+)'));
  const found = pattern.exec(text ?? '');
  if (!found) throw new Error(`no progress line in the panel: ${text}`);
  return Number(found[1]);
};

/** The list searched for the group, every result selected, and the attach dialog filled in. */
const attachEveryResult = async (
  page: Page,
  words: Words,
  target:
    | { kind: 'offer'; search: string; option: string }
    | { kind: 'client'; search: string; option: string },
  role: string
) => {
  await page.goto(`${app.baseUrl}${LIST}?q=${LAST_NAME.toLowerCase()}&order=name`);
  await page.getByRole('link', { name: `${nameOf(1)} ${LAST_NAME}` }).waitFor();
  await page.getByRole('checkbox', { name: words.selectPage }).click();
  await page.getByRole('button', { name: words.selectAll }).click();
  await page.getByText(words.allSelected).waitFor();

  await page.getByRole('button', { name: words.attach }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText(words.attachCount).first().waitFor();
  if (target.kind === 'client') await dialog.getByRole('radio', { name: words.client }).click();
  await dialog
    .getByRole('combobox', { name: target.kind === 'offer' ? words.offer : words.client })
    .pressSequentially(target.search, { delay: 50 });
  await page.getByRole('option', { name: target.option }).click();
  await dialog.getByRole('combobox', { name: words.role }).click();
  await page.getByRole('option', { name: role, exact: true }).click();
  await dialog.getByRole('button', { name: words.attachCount }).click();
  await dialog.waitFor({ state: 'detached' });
};

/** The text of the element the keyboard is on. */
const focusedText = (page: Page) =>
  page.evaluate(() => document.activeElement?.textContent?.trim() ?? document.activeElement?.tagName);

/** Fails on a serious or critical axe-core violation inside the panel. */
const expectPanelAccessible = async (page: Page) => {
  const violations = await audit(page);
  const ours = violations.filter(
    (violation) => violation.ours && (violation.impact === 'serious' || violation.impact === 'critical')
  );
  expect(ours.map((violation) => `${violation.id}: ${violation.html}`)).toEqual([]);
};

describe.each(LANGUAGES)('a bulk attach run as a background job ($language)', (setup) => {
  const { words } = setup;
  let page: Page;
  let offerId: string;
  let clientId: string;

  beforeAll(async () => {
    // the language saved in the admin user's profile wins over the browser's, once logged in
    await app.api('PUT', '/admin/users/me', { preferedLanguage: setup.language }, superToken);
    const offer = await app.api(
      'POST',
      '/content-manager/collection-types/api::offer.offer',
      { ...setup.offer, offerStatus: 'draft', destination: 'Lyon' },
      superToken
    );
    offerId = String(offer.documentId);
    const client = await app.api(
      'POST',
      `${ADMIN}/clients`,
      { name: setup.client, type: 'association' },
      superToken
    );
    clientId = String(client.documentId);
    page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password, {
      language: setup.language,
      viewport: setup.viewport,
    });
    page.on('pageerror', (error) => console.error('page error:', error.message));
  });

  afterAll(async () => {
    await page?.context().close();
  });

  it(`shows the job's progress, then what it did, once all ${GROUP} results are attached to an offer`, async () => {
    await attachEveryResult(
      page,
      words,
      {
        kind: 'offer',
        search: setup.offer.title.split(' ')[0].toLowerCase(),
        option: `${setup.offer.reference} · ${setup.offer.title}`,
      },
      words.traveller
    );
    // the job answers at once, before it has done anything: the panel replaces the selection
    await page.getByText(words.started).first().waitFor();
    const panel = panelOf(page, words);
    await panel.getByRole('status').waitFor();
    await expect(panel.getByRole('status').textContent()).resolves.toMatch(
      new RegExp(`^${words.title} · (${words.queued}|${words.running})$`)
    );
    await panel.getByRole('button', { name: words.stop }).waitFor();
    expect(await focusedText(page)).toMatch(new RegExp(`^${words.title}`));
    await shot(page, `bulk-job-${setup.language}-01-started`);

    await panel.getByRole('status').filter({ hasText: words.completed }).waitFor({ timeout: 60_000 });
    await panel.getByText(`${words.progress(GROUP)} · ${words.attached(GROUP)}`).waitFor();
    await expect(panel.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    await panel.getByRole('button', { name: words.close }).waitFor();
    await expectPanelAccessible(page);
    await shot(page, `bulk-job-${setup.language}-02-completed`);

    // the offer holds every contact of the search once, as a traveller, none primary
    const offer = (await app.api('GET', `${ADMIN}/offers/${offerId}`, undefined, superToken)) as {
      contactLinks: Array<{ role: string; isPrimary: boolean; contact: { documentId: string } }>;
    };
    expect(offer.contactLinks.map((link) => link.contact.documentId).sort()).toEqual([...group].sort());
    expect(new Set(offer.contactLinks.map((link) => `${link.role} ${link.isPrimary}`))).toEqual(
      new Set(['voyageur false'])
    );

    await panel.getByRole('button', { name: words.close }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('stops a running job: the panel says so, and the client holds only the chunks done before', async () => {
    await attachEveryResult(
      page,
      words,
      { kind: 'client', search: setup.client.split(' ')[0].toLowerCase(), option: setup.client },
      words.other
    );
    const panel = panelOf(page, words);
    // stopped once it has done some of the contacts, read again by the panel
    await panel.getByRole('status').filter({ hasText: words.running }).waitFor();
    await shot(page, `bulk-job-${setup.language}-03-running`);
    const runningAt = await doneShown(panel, words);
    expect(runningAt).toBeGreaterThan(0);
    expect(runningAt).toBeLessThan(GROUP);
    await panel.getByRole('button', { name: words.stop }).click();

    await panel.getByRole('status').filter({ hasText: words.cancelled }).waitFor({ timeout: 30_000 });
    const done = await doneShown(panel, words);
    expect(done).toBeGreaterThanOrEqual(runningAt);
    expect(done).toBeLessThan(GROUP);
    // each chunk is done whole or not at all
    expect(done % CHUNK).toBe(0);
    await panel.getByText(`${words.progress(done)} · ${words.attached(done)}`).waitFor();
    await panel.getByRole('button', { name: words.close }).waitFor();
    // the keyboard is still on the panel, not back at the top of the page
    expect(await focusedText(page)).toMatch(new RegExp(`^${words.title}`));
    await expectPanelAccessible(page);
    await shot(page, `bulk-job-${setup.language}-04-stopped`);

    // the client holds the first contacts of the search in its order, as many as the panel says
    const client = (await app.api('GET', `${ADMIN}/clients/${clientId}`, undefined, superToken)) as {
      contactLinks: Array<{ role: string; contact: { documentId: string } }>;
    };
    expect(client.contactLinks.map((link) => link.contact.documentId).sort()).toEqual(
      group.slice(0, done).sort()
    );
    // and the list filtered on the client finds as many
    await page.goto(`${app.baseUrl}${LIST}?client=${clientId}`);
    await page
      .getByText(new RegExp(`^${words.results(done)}`))
      .first()
      .waitFor();
    await shot(page, `bulk-job-${setup.language}-05-client-filter`);
  });
});
