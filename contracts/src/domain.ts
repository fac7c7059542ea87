/**
 * The zod-free part of the contracts: names, labels, limits and small rules. Browser code
 * imports values from here (`@xj/contracts/domain`) so that zod stays out of its bundles;
 * types may still come from `@xj/contracts`, since type imports vanish at build time.
 */
export * from './limits.js';
export * from './error-codes.js';
export * from './permissions.js';
export * from './tree-kinds.js';
export * from './party-org-kinds.js';
export * from './password.js';
export * from './audit-results.js';
export * from './person-rules.js';
export * from './party-role-kinds.js';
export * from './organisation-kinds.js';
export * from './ticket-kinds.js';
export * from './ticket-settings-kinds.js';
export * from './open311-kinds.js';
export * from './reception-day-kinds.js';
export * from './ticket-rates.js';
export * from './import-rules.js';
export * from './stats-figures.js';
export * from './resident-auth-kinds.js';
export * from './consultation-kinds.js';
export * from './volunteer-kinds.js';
export * from './points-kinds.js';
export * from './activity-kinds.js';
export * from './cadre-opinion-kinds.js';
export * from './property-rating-kinds.js';
export * from './community-worker-kinds.js';
export * from './worker-pay-kinds.js';
export * from './secretary-contest-kinds.js';
export * from './red-station-kinds.js';
export * from './innovation-kinds.js';
export * from './funding-kinds.js';
