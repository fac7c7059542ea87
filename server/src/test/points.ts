import { expect } from 'vitest';
import type { Client, TestApp } from './harness.js';
import { verifiedResident, type Resident } from './cloud-consultation.js';

/** Test helpers of points (积分): members with a linked resident session, balances checked against the ledger. */

let seq = 0;
/** A person registered with a fresh phone, then verified on the phone (so the resident is linked to them). */
export async function member(t: TestApp, staff: Client, nodeId: number, name = '积分居民'): Promise<{ id: number; phone: string; phoneSession: Resident }> {
  const phone = `1772${String(process.pid % 1000).padStart(3, '0')}${String(++seq).padStart(4, '0')}`;
  const res = await staff.post('/api/people', { name, phone, nodeId });
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: number }).id;
  const phoneSession = await verifiedResident(t, phone);
  const [linked] = await t.db.query<{ person_id: number | null }>('SELECT person_id FROM residents WHERE phone = $1', [phone]);
  expect(linked?.person_id).toBe(id);
  return { id, phone, phoneSession };
}

/** Every account's balance equals the sum of its entries and its latest entry's balance_after. */
export async function expectLedgerConsistent(t: TestApp): Promise<void> {
  const broken = await t.db.query(
    `SELECT a.person_id, a.balance FROM point_accounts a
      WHERE a.balance <> (SELECT coalesce(sum(e.delta), 0) FROM point_entries e WHERE e.person_id = a.person_id)
         OR a.balance <> coalesce((SELECT e.balance_after FROM point_entries e WHERE e.person_id = a.person_id ORDER BY e.id DESC LIMIT 1), 0)`,
  );
  expect(broken).toEqual([]);
}

export async function balance(t: TestApp, personId: number): Promise<number> {
  const [a] = await t.db.query<{ balance: number }>('SELECT balance FROM point_accounts WHERE person_id = $1', [personId]);
  return a?.balance ?? 0;
}
