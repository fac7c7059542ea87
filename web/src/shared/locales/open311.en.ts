/** English strings: the Open311 API key page. */
import type { open311ZhCN } from './open311.zh-CN';
import type { Strings } from './strings';

export const open311En: Strings<typeof open311ZhCN> = {
  open311Keys: {
    title: 'Open311 API keys',
    description: 'The api_key that outside systems use to file and query tickets through Open311 GeoReport v2 (/open311/v2/)',
    create: 'New key',
    name: 'Client name',
    namePlaceholder: 'e.g. County government service platform',
    nameRequired: 'Enter the client name',
    keyPrefix: 'Key starts with',
    createdBy: 'Created by',
    createdAt: 'Created',
    lastUsedAt: 'Last used',
    neverUsed: 'Never',
    status: 'Status',
    active: 'Active',
    revoked: 'Revoked',
    revoke: 'Revoke',
    revokeConfirm: 'Systems using this key will no longer be able to file tickets, and this cannot be undone. Revoke it?',
    revokedDone: 'Key revoked',
    createdTitle: 'Key created',
    createdHint: 'Copy it now and hand it to the client system: the platform keeps only its digest and cannot show it again.',
    cli: 'On the server you can also run: npm run cli -- open311:key-create <name> / open311:key-revoke <id>',
    empty: 'No keys yet',
  },
};
