/** Driving the command palette from the keyboard only, as the specs do. */
import { expect, type Page } from '@playwright/test';

/**
 * Ctrl-K, the text, then Enter once the palette has selected `expected` (its first match: the
 * VMs may still be loading when the last key is typed, as when a person types fast).
 */
export async function runCommand(page: Page, text: string, expected: string | RegExp): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Command palette' })).toBeFocused();
  await page.keyboard.type(text);
  await expect(page.getByRole('option', { selected: true })).toHaveText(expected);
  await page.keyboard.press('Enter');
}
