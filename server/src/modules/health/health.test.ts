import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(async () => t.close());

interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; tags?: string[] }>>;
}

describe('health', () => {
  it('answers status, database kind and version without signing in', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite', version: pkg.version });
  });
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document that lists the API routes', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const doc = res.json() as OpenApiDoc;
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toContain('党建引领智慧社区治理平台');
    expect(doc.info.version).toBe(t.config.version);
    const expected: [string, string][] = [
      ['/api/health', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/password', 'post'],
      ['/api/auth/password-policy', 'get'],
      ['/api/nodes/', 'get'],
      ['/api/nodes/', 'post'],
      ['/api/nodes/tree', 'get'],
      ['/api/nodes/{id}', 'get'],
      ['/api/nodes/{id}', 'patch'],
      ['/api/nodes/{id}/move', 'post'],
      ['/api/nodes/{id}/deactivate', 'post'],
      ['/api/nodes/{id}/activate', 'post'],
      ['/api/party-orgs/', 'get'],
      ['/api/party-orgs/', 'post'],
      ['/api/party-orgs/{id}', 'get'],
      ['/api/party-orgs/{id}', 'patch'],
      ['/api/users/', 'get'],
      ['/api/users/', 'post'],
      ['/api/users/{id}', 'get'],
      ['/api/users/{id}', 'patch'],
      ['/api/users/{id}/reset-password', 'post'],
      ['/api/users/{id}/unlock', 'post'],
      ['/api/users/{id}/grants', 'post'],
      ['/api/users/{id}/grants/{grantId}', 'delete'],
      ['/api/audit/', 'get'],
      ['/api/audit/verify', 'get'],
      ['/api/cockpit/summary', 'get'],
      ['/api/people/', 'get'],
      ['/api/people/', 'post'],
      ['/api/people/{id}', 'get'],
      ['/api/people/{id}', 'patch'],
      ['/api/people/{id}/unmask', 'post'],
    ];
    const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${p}`));
    // Trailing slashes of prefix roots may or may not be kept; compare without them.
    const norm = (s: string) => s.replace(/\/$/, '');
    // Modules keep adding routes: these must be documented, and everything documented is under /api.
    expect(listed.map(norm)).toEqual(expect.arrayContaining(expected.map(([p, m]) => norm(`${m.toUpperCase()} ${p}`))));
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(path.startsWith('/api/')).toBe(true);
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses ?? {}), `${method} ${path}`).not.toHaveLength(0);
        expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const param of path.match(/\{(\w+)\}/g) ?? []) {
          const name = param.slice(1, -1);
          const params = (op as { parameters?: { name: string; in: string; required?: boolean }[] }).parameters ?? [];
          expect(params.some((p) => p.name === name && p.in === 'path' && p.required), `${method} ${path} ${name}`).toBe(true);
        }
      }
    }
    // The request schemas are there: a create body lists its required fields and refuses others.
    const createNode = doc.paths['/api/nodes/']?.post ?? doc.paths['/api/nodes']?.post;
    const schema = (createNode as { requestBody: { content: Record<string, { schema: { required: string[]; additionalProperties: boolean } }> } }).requestBody.content['application/json']!.schema;
    expect(schema.required).toEqual(expect.arrayContaining(['parentId', 'kind', 'name', 'code']));
    expect(schema.additionalProperties).toBe(false);
    // The documentation UI is served too.
    expect((await t.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
});
