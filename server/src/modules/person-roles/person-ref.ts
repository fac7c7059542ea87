import { maskPhone, NODE_KIND_LABELS, NODE_KINDS, type NodeKind, type PersonSummaryDto } from '@xj/contracts';
import type { Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { pathInScope, type Scope } from '../../platform/auth/scope.js';
import type { NodeRow } from '../nodes/nodes.repo.js';
import { nodeInScope } from '../nodes/nodes.service.js';

/**
 * What registries and person roles share: how they embed a person (name, masked phone,
 * address), how they check the people and nodes they point at, and the subtree filter.
 */

/** `LEFT JOIN`s a person and their address node under `alias` and `${alias}n`. */
export const joinPerson = (alias: string, fk: string) =>
  `LEFT JOIN people ${alias} ON ${alias}.id = ${fk} LEFT JOIN nodes ${alias}n ON ${alias}n.id = ${alias}.node_id`;

/** A person as one JSON column through a subquery, for queries that select from `people` aliased `alias` directly. */
export const rolePersonJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'phone', ${alias}.phone,
    'nodeName', (SELECT pn.name FROM nodes pn WHERE pn.id = ${alias}.node_id))`;

/** Dates as text, so that no time zone can shift them. */
export const isoDate = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The joined person as one JSON column (null when there is none). */
export const personJson = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'phone', ${alias}.phone, 'nodeName', ${alias}n.name) END`;

export interface PersonJson {
  id: number;
  name: string;
  phone: string | null;
  nodeName: string;
}

/** The phone is masked here, so no response can carry it in clear. */
export function toPersonSummary(p: PersonJson | null): PersonSummaryDto | null {
  return p && { id: p.id, name: p.name, phone: maskPhone(p.phone), nodeName: p.nodeName };
}

export function toRequiredPersonSummary(p: PersonJson): PersonSummaryDto {
  return toPersonSummary(p)!;
}

/** A node in the caller's scope whose kind is one of `kinds`; `what` names the field for the message. */
export async function nodeOfKinds(q: Queryable, id: number, scope: Scope, kinds: readonly NodeKind[], what: string, opts: { forUpdate?: boolean } = {}): Promise<NodeRow> {
  const node = await nodeInScope(q, id, scope, opts);
  if (!kinds.includes(node.kind)) {
    const allowed = kinds.map((k) => NODE_KIND_LABELS[k].zh).join('、');
    throw new AppError(400, 'TREE_SHAPE', `${what}应为${allowed}，“${node.name}”是${NODE_KIND_LABELS[node.kind].zh}`);
  }
  if (!node.active) throw new AppError(409, 'NODE_INACTIVE', `“${node.name}”已停用`);
  return node;
}

/** Community and everything below it: where shops, workers and deputies are placed. */
export const COMMUNITY_AND_BELOW: readonly NodeKind[] = NODE_KINDS.slice(NODE_KINDS.indexOf('community'));

/** The subtree a list's `nodeId` filter narrows to; the node itself must be in scope. */
export async function subtreeOf(q: Queryable, nodeId: number | undefined, scope: Scope): Promise<string | undefined> {
  return nodeId ? (await nodeInScope(q, nodeId, scope)).path : undefined;
}

export const isoOf = (d: Date | string) => new Date(d).toISOString();

/** Who acts on a record that names people: their scope for the record, their people.read scope for the people named. */
export interface RoleScopes {
  records: Scope;
  people: Scope;
}

/**
 * Refuses a second role record for one person; points at the first only when the caller
 * may see it.
 */
export function assertNoSecondRecord(existing: { id: number; node_path: string } | undefined, scope: Scope, what: string): void {
  if (!existing) return;
  if (pathInScope(existing.node_path, scope)) {
    throw new AppError(409, 'DUPLICATE', `该人员已登记为${what}（编号 ${existing.id}），请直接修改已有记录`, { existingId: existing.id });
  }
  throw new AppError(409, 'DUPLICATE', `该人员已在其他辖区登记为${what}，请联系上级管理员调整`, { existingId: null });
}
