import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  companyContractListQuerySchema,
  idParamsSchema,
  propertyCompanyCreateSchema,
  propertyCompanyListQuerySchema,
  propertyCompanyListSchema,
  propertyCompanySchema,
  propertyCompanyUpdateSchema,
  propertyContractCreateSchema,
  propertyContractListQuerySchema,
  propertyContractListSchema,
  propertyContractSchema,
  propertyContractUpdateSchema,
} from '@xj/contracts';
import type { AppDeps } from '../../platform/http/app.js';
import { actorOf, authOf } from '../../platform/http/access.js';
import { scopeFor } from '../../platform/auth/scope.js';
import { PropertyCompaniesService, PropertyContractsService } from './property-companies.service.js';

const read = { access: 'orgs.read' as const };
const write = { access: 'orgs.write' as const };

/** /api/property-companies: the county-wide registry, and each company's contracts in the caller's scope. */
export async function propertyCompaniesRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const companies = new PropertyCompaniesService(db);
  const contracts = new PropertyContractsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['property-companies'];

  r.get('/', { config: read, schema: { tags, querystring: propertyCompanyListQuerySchema, response: { 200: propertyCompanyListSchema } } }, async (req) =>
    companies.list(req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: propertyCompanySchema } } }, async (req) =>
    companies.get(req.params.id),
  );
  r.get(
    '/:id/contracts',
    { config: read, schema: { tags, params: idParamsSchema, querystring: companyContractListQuerySchema, response: { 200: propertyContractListSchema } } },
    async (req) => contracts.list(scopeFor(authOf(req), 'orgs.read'), { ...req.query, companyId: req.params.id }),
  );
  r.post('/', { config: write, schema: { tags, body: propertyCompanyCreateSchema, response: { 201: propertyCompanySchema } } }, async (req, reply) => {
    reply.code(201);
    return companies.create(scopeFor(authOf(req), 'orgs.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: propertyCompanyUpdateSchema, response: { 200: propertyCompanySchema } } }, async (req) =>
    companies.update(scopeFor(authOf(req), 'orgs.write'), req.params.id, req.body, actorOf(req)),
  );
}

/** /api/property-contracts: service contracts, scoped by their compound. */
export async function propertyContractsRoutes(app: FastifyInstance, { db }: AppDeps): Promise<void> {
  const contracts = new PropertyContractsService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['property-companies'];

  r.get('/', { config: read, schema: { tags, querystring: propertyContractListQuerySchema, response: { 200: propertyContractListSchema } } }, async (req) =>
    contracts.list(scopeFor(authOf(req), 'orgs.read'), req.query),
  );
  r.get('/:id', { config: read, schema: { tags, params: idParamsSchema, response: { 200: propertyContractSchema } } }, async (req) =>
    contracts.get(scopeFor(authOf(req), 'orgs.read'), req.params.id),
  );
  r.post('/', { config: write, schema: { tags, body: propertyContractCreateSchema, response: { 201: propertyContractSchema } } }, async (req, reply) => {
    reply.code(201);
    return contracts.create(scopeFor(authOf(req), 'orgs.write'), req.body, actorOf(req));
  });
  r.patch('/:id', { config: write, schema: { tags, params: idParamsSchema, body: propertyContractUpdateSchema, response: { 200: propertyContractSchema } } }, async (req) =>
    contracts.update(scopeFor(authOf(req), 'orgs.write'), req.params.id, req.body, actorOf(req)),
  );
}
