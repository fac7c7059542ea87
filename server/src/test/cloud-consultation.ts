import { expect } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { RESIDENT_COOKIE, type TopicDetailDto } from '@xj/contracts';
import type { Client, TestApp } from './harness.js';

/** Test helpers of cloud consultation (云商量): verified residents and topics moved through screening. */

export const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  return res.json() as T;
};

export interface Resident {
  phone: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A resident verified through the real flow (code from the demo SMS outbox); `phone` must be unused in the file. */
export async function verifiedResident(t: TestApp, phone: string): Promise<Resident> {
  expect((await t.inject({ method: 'POST', url: '/api/public/resident/code', payload: { phone } })).statusCode).toBe(200);
  const outbox = await t.inject({ method: 'GET', url: `/api/public/dev/sms-outbox?phone=${phone}` });
  const res = await t.inject({ method: 'POST', url: '/api/public/resident/verify', payload: { phone, code: (outbox.json() as { code: string }).code } });
  const cookie = res.cookies.find((c) => c.name === RESIDENT_COOKIE);
  if (!cookie) throw new Error(`no resident cookie: ${res.statusCode} ${res.body}`);
  const headers = { cookie: `${RESIDENT_COOKIE}=${cookie.value}` };
  const send = (o: InjectOptions) => t.inject({ ...o, headers: { ...headers, ...(o.headers ?? {}) } });
  return {
    phone,
    get: (url) => send({ method: 'GET', url }),
    post: (url, body, extra) => send({ method: 'POST', url, ...(body === undefined ? {} : { payload: body as Record<string, unknown> }), ...(extra ? { headers: extra } : {}) }),
    delete: (url) => send({ method: 'DELETE', url }),
  };
}

/** A topic raised on the console and accepted by screening: active, at 问诉求 (collect). */
export async function collectTopic(t: TestApp, secretary: Client, title: string, nodeId: number): Promise<TopicDetailDto> {
  const topic = ok<TopicDetailDto>(await secretary.post('/api/consultations/topics', { title, description: '居民多次反映，希望协商解决', nodeId, source: 'community' }), 201);
  return ok<TopicDetailDto>(await secretary.post(`/api/consultations/topics/${topic.id}/screen`, { categoryId: await categoryId(t, 'parking') }));
}

export async function categoryId(t: TestApp, code: string): Promise<number> {
  return (await t.db.query<{ id: number }>('SELECT id FROM agenda_categories WHERE code = $1', [code]))[0]!.id;
}

export async function excludedCategoryId(t: TestApp): Promise<number> {
  return (await t.db.query<{ id: number }>("SELECT id FROM agenda_categories WHERE kind = 'excluded' AND active ORDER BY id LIMIT 1"))[0]!.id;
}
