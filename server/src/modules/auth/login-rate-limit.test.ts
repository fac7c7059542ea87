import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { count, expectError } from '../../test/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  // No demo data needed: unknown users are refused (401) until the limit answers 429.
  t = await startTestApp({ seed: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
});
afterAll(async () => t.close());

describe('login rate limiting', () => {
  it('answers 429 RATE_LIMITED once the per-minute limit is spent, and audits no sign-in beyond it', async () => {
    const attempt = () => t.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'someone', password: 'Whatever#2026' } });
    for (let i = 0; i < 3; i++) expectError(await attempt(), 401, 'INVALID_CREDENTIALS');
    const audited = await count(t.db, 'SELECT count(*) FROM audit_log');
    expect(audited).toBe(3);
    const limited = await attempt();
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count(t.db, 'SELECT count(*) FROM audit_log')).toBe(audited);
    // Other routes are not limited.
    expect((await t.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
