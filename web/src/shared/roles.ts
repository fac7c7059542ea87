/**
 * The node kind at which each role may be granted. The server enforces the same rule;
 * the web uses it to filter the node pickers.
 * (Candidate for @xj/contracts so both sides share one table.)
 */
import type { NodeKind, Role } from '@xj/contracts';

export const ROLE_NODE_KIND: Record<Role, NodeKind> = {
  county_admin: 'county',
  subdistrict_admin: 'subdistrict',
  community_secretary: 'community',
  branch_secretary: 'compound',
  commissioner: 'community',
  auditor: 'county',
};
