import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditListQuerySchema, auditListSchema, auditVerifySchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { authOf } from '../../platform/http/access.js';
import { scopeFor, scopeIsWholeTree, scopePatterns } from '../../platform/auth/scope.js';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { forbidden } from '../../platform/errors.js';
import { listAudit } from './audit.repo.js';

/** Read-only by design: there is no route that changes or removes an audit row. */
export async function auditRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const config = { access: 'audit.read' as const };

  r.get('/', { config, schema: { tags, querystring: auditListQuerySchema, response: { 200: auditListSchema } } }, async (req) => {
    const scope = scopeFor(authOf(req), 'audit.read');
    return listAudit(db, scopePatterns(scope), scopeIsWholeTree(scope), req.query);
  });

  r.get('/verify', { config, schema: { tags, response: { 200: auditVerifySchema } } }, async (req) => {
    if (!scopeIsWholeTree(scopeFor(authOf(req), 'audit.read'))) throw forbidden('只有县级审计员可以校验整条审计链');
    return verifyAuditChain(db);
  });
}
