import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchQuerySchema, searchResultSchema } from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { authOf } from '../../platform/http/access.js';
import { nodesSearcher } from '../nodes/nodes.search.js';
import { partyOrgsSearcher } from '../party-orgs/party-orgs.search.js';
import { peopleSearcher } from '../people/people.search.js';
import { propertyCompaniesSearcher } from '../property-companies/property-companies.search.js';
import { redShopsSearcher } from '../red-shops/red-shops.search.js';
import { socialOrgsSearcher } from '../social-orgs/social-orgs.search.js';
import { SearchService } from './search.service.js';

/** 一键查询: one box, every kind of record the caller may see. */
export async function searchRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const service = new SearchService(db, [peopleSearcher, nodesSearcher, redShopsSearcher, propertyCompaniesSearcher, socialOrgsSearcher, partyOrgsSearcher]);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/',
    { config: { access: 'authenticated' }, schema: { tags: ['search'], querystring: searchQuerySchema, response: { 200: searchResultSchema } } },
    async (req) => service.search(authOf(req), req.query.q, req.query.limit, req.query.nodeId),
  );
}
