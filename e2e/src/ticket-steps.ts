/** Console steps on a ticket's detail page, shared by the ticket browser tests. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** GET an API path with the page's session; fails the test on a non-2xx answer. */
export async function apiGet<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

/** A ticket step's POST (/api/tickets/:id/<action>), as the dialog's OK button sends it. */
const isStepPost = (url: string, method: string) => method === 'POST' && /^\/api\/tickets\/\d+\/[a-z]+$/.test(new URL(url).pathname);

/**
 * Runs one step from the detail page's buttons: the button, then the dialog's OK button (both
 * named after the step). It waits for the dialog's opening animation to finish before pressing
 * OK, and for the step's answer, so a refusal fails here with the server's message.
 */
export async function step(page: Page, name: RegExp, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<void> {
  await page.locator('.ticket-actions').getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.locator('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter').waitFor({ state: 'detached' });
  await fill?.(dialog);
  const [answer] = await Promise.all([
    page.waitForResponse((r) => isStepPost(r.url(), r.request().method())),
    dialog.locator('.ant-modal-footer').getByRole('button', { name }).click(),
  ]);
  expect(answer.ok(), `${answer.url()} → ${answer.status()} ${await answer.text()}`).toBe(true);
  await dialog.waitFor({ state: 'hidden' });
}

/** The owner takes a ticket from assigned to handled, with a result note. */
export async function handleAsOwner(page: Page, note: string): Promise<void> {
  await step(page, /^接\s*单$/);
  await page.locator('.ticket-timeline-entry[data-kind="accepted"]').waitFor();
  await step(page, /^开始办理$/);
  await page.locator('.ticket-timeline-entry[data-kind="started"]').waitFor();
  await step(page, /^办\s*结$/, (dialog) => dialog.getByLabel('办理结果').fill(note));
  await page.locator('.ticket-timeline-entry[data-kind="handled"]').getByText(note).waitFor();
}

/** The community secretary confirms a handled ticket resolved and satisfied, with a comment, then closes it. */
export async function confirmAndClose(page: Page, comment: string): Promise<void> {
  await step(page, /^确认评价$/, async (dialog) => {
    // Button-style radios: the label takes the click, the input itself is hidden.
    await dialog.locator('label').filter({ hasText: /^已解决$/ }).click();
    await dialog.locator('label').filter({ hasText: /^满意$/ }).click();
    await expect(dialog.getByRole('radio', { name: '满意', exact: true }).isChecked()).resolves.toBe(true);
    await dialog.getByLabel('评价意见').fill(comment);
  });
  await page.locator('.ticket-timeline-entry[data-kind="confirmed"]').waitFor();
  await step(page, /^关\s*闭$/);
  await page.locator('.ticket-timeline-entry[data-kind="closed"]').waitFor();
}
