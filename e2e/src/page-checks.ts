import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe's serious and critical violations on the page (its context must bypass the app's CSP). */
export async function seriousViolations(p: Page): Promise<string[]> {
  await p.addScriptTag({ path: axePath });
  const violations = await p.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Fails the test on any serious or critical axe violation, naming the page. */
export async function expectAccessible(p: Page, name: string): Promise<void> {
  expect(await seriousViolations(p), name).toEqual([]);
}

/** A fictitious ID number with a correct GB 11643 check character. */
export function fictitiousIdNumber(birth: string, seq: number): string {
  const first17 = `371427${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}
