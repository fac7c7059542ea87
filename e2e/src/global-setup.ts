import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { launchServer } from './server.js';

/**
 * Seeds the demo county once for the whole browser run: the built server starts on an empty
 * data directory (migrating and seeding, as `npm start` does), stops, and each test file then
 * starts its own server on a copy of that directory — a restart, not a first start.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const seeded = await launchServer();
  await seeded.halt();
  project.provide('seededDataDir', seeded.dataDir);
  return () => rmSync(seeded.dataDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededDataDir: string;
  }
}
