import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { loginAs, openSession, SUPER_ADMIN, type App } from './app';

let app: App;
let browser: Browser;

beforeAll(async () => {
  ({ app, browser } = await openSession());
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * Counts, per field, the renders of the form's selects (`FormSelect`), through the hook React
 * offers its developer tools: after each commit, a select whose child received new props rendered
 * again. Installed before the admin's code loads; it only reads the tree.
 */
const RENDER_PROBE = `
  window.__selectRenders = {};
  const walk = (fiber) => {
    for (let node = fiber; node; node = node.sibling) {
      const type = node.elementType;
      if (type && type.displayName === 'FormSelect' && node.child) {
        const name = node.memoizedProps.name;
        const seen = (window.__selectRenders[name] = window.__selectRenders[name] || { props: null, renders: 0 });
        if (seen.props !== node.child.memoizedProps) {
          seen.renders += 1;
          seen.props = node.child.memoizedProps;
        }
      }
      if (node.child) walk(node.child);
    }
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: (_id, root) => walk(root.current),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
`;

const rendersOf = (page: Page, field: string) =>
  page.evaluate(
    (name) =>
      (window as unknown as { __selectRenders: Record<string, { renders: number }> }).__selectRenders[name]
        ?.renders ?? 0,
    field
  );

describe('the contact form', () => {
  it('does not render its country select again while another field is typed in', async () => {
    const page = await loginAs(browser, app.baseUrl, SUPER_ADMIN.email, SUPER_ADMIN.password);
    await page.addInitScript(RENDER_PROBE);
    await page.goto(`${app.baseUrl}/admin/plugins/caladeo-contacts/contacts/new`);
    await page.getByLabel('Nom', { exact: true }).waitFor();
    const before = await rendersOf(page, 'country');
    // the probe sees the select: it rendered when the form was drawn
    expect(before).toBeGreaterThan(0);

    await page.getByLabel('Nom', { exact: true }).pressSequentially('Lefèvre', { delay: 30 });
    await expect(page.getByLabel('Nom', { exact: true }).inputValue()).resolves.toBe('Lefèvre');
    expect(await rendersOf(page, 'country')).toBe(before);

    // its own change does render it: the count would have seen the keystrokes
    await page.getByRole('combobox', { name: 'Pays' }).click();
    await page.getByRole('option', { name: 'Belgique' }).click();
    await page.getByRole('combobox', { name: 'Pays' }).getByText('Belgique').waitFor();
    expect(await rendersOf(page, 'country')).toBeGreaterThan(before);
    await page.context().close();
  });
});
