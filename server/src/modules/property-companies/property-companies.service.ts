import {
  chinaToday,
  NODE_KINDS,
  type PropertyCompanyCreate,
  type PropertyCompanyDto,
  type PropertyCompanyListQuery,
  type PropertyCompanyUpdate,
  type PropertyContractCreate,
  type PropertyContractDto,
  type PropertyContractListQuery,
  type PropertyContractUpdate,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopePatterns, type Scope } from '../../platform/auth/scope.js';
import type { Page } from '../../platform/paging.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { nodeOfKinds, subtreeOf } from '../person-roles/person-ref.js';
import * as repo from './property-companies.repo.js';
import * as contracts from './property-contracts.repo.js';

const SUBDISTRICT_DEPTH = NODE_KINDS.indexOf('subdistrict');

/**
 * The company registry is county-wide: everyone with orgs.read sees all of it, and it is
 * kept by those who hold orgs.write at the county or a subdistrict, since one company
 * serves compounds in several communities. Contracts belong to their compound's scope.
 */
export function assertRegistryKeeper(scope: Scope): void {
  const depthOf = (path: string) => path.split('/').filter(Boolean).length - 1;
  if (!scope.paths.some((p) => depthOf(p) <= SUBDISTRICT_DEPTH)) throw forbidden('物业企业名录由县级或街道管理员维护');
}

/** A company with a party organisation names it; one without has no name for it. */
export function checkPartyOrg(v: repo.CompanyValues): void {
  if (v.hasPartyOrg && !v.partyOrgName) throw badRequest('已建立党组织的企业请填写党组织名称');
  if (!v.hasPartyOrg && v.partyOrgName) throw badRequest('未建立党组织的企业不能填写党组织名称');
}

async function assertCreditCodeFree(q: Queryable, creditCode: string, exceptId = 0): Promise<void> {
  const existing = await repo.findByCreditCode(q, creditCode, exceptId);
  if (existing) throw new AppError(409, 'DUPLICATE', `该统一社会信用代码已登记：${existing.name}（编号 ${existing.id}）`, { existingId: existing.id });
}

/** Why a contract cannot be added next to `clash`, an existing contract of the compound whose dates overlap. */
export function contractClashMessage(clash: contracts.ContractRow): string {
  return `“${clash.compound_name}”在 ${clash.start_date} 至 ${clash.end_date} 已有服务合同（${clash.company_name}，合同编号 ${clash.id}），同一小区的合同期不能重叠`;
}

async function companyOrNotFound(q: Queryable, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.CompanyRow> {
  const company = await repo.getCompany(q, id, opts);
  if (!company) throw notFound('物业企业');
  return company;
}

export class PropertyCompaniesService {
  constructor(private readonly db: Db) {}

  list(query: PropertyCompanyListQuery): Promise<Page<PropertyCompanyDto>> {
    return repo.listCompanies(this.db, { q: query.q, hasPartyOrg: query.hasPartyOrg === undefined ? undefined : query.hasPartyOrg === 'true' }, query);
  }

  async get(id: number): Promise<PropertyCompanyDto> {
    return repo.toCompanyDto(await companyOrNotFound(this.db, id));
  }

  async create(writeScope: Scope, input: PropertyCompanyCreate, actor: Actor): Promise<PropertyCompanyDto> {
    assertRegistryKeeper(writeScope);
    const values: repo.CompanyValues = {
      name: input.name,
      creditCode: input.creditCode,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      hasPartyOrg: input.hasPartyOrg,
      partyOrgName: input.partyOrgName ?? null,
      industryCommitteeName: input.industryCommitteeName ?? null,
    };
    checkPartyOrg(values);
    return this.db.tx(async (q) => {
      await assertCreditCodeFree(q, values.creditCode);
      const id = await repo.insertCompany(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'propertyCompany.create', targetType: 'property_company', targetId: id, result: 'success',
        details: { name: values.name, creditCode: values.creditCode, hasPartyOrg: values.hasPartyOrg },
      });
      return repo.toCompanyDto((await repo.getCompany(q, id))!);
    });
  }

  async update(writeScope: Scope, id: number, patch: PropertyCompanyUpdate, actor: Actor): Promise<PropertyCompanyDto> {
    assertRegistryKeeper(writeScope);
    return this.db.tx(async (q) => {
      const before = await companyOrNotFound(q, id, { forUpdate: true });
      const pick = <K extends keyof PropertyCompanyUpdate, T>(k: K, current: T): T => (patch[k] === undefined ? current : (patch[k] as T));
      const hasPartyOrg = pick('hasPartyOrg', before.has_party_org);
      const values: repo.CompanyValues = {
        name: pick('name', before.name),
        creditCode: pick('creditCode', before.credit_code),
        contactName: pick('contactName', before.contact_name),
        contactPhone: pick('contactPhone', before.contact_phone),
        hasPartyOrg,
        // Dissolving the party organisation clears its name unless the patch names one (refused below).
        partyOrgName: patch.hasPartyOrg === false && patch.partyOrgName === undefined ? null : pick('partyOrgName', before.party_org_name),
        industryCommitteeName: pick('industryCommitteeName', before.industry_committee_name),
      };
      checkPartyOrg(values);
      await assertCreditCodeFree(q, values.creditCode, id);
      await repo.updateCompany(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'propertyCompany.update', targetType: 'property_company', targetId: id, result: 'success',
        details: { name: values.name, changed: Object.keys(patch) },
      });
      return repo.toCompanyDto((await repo.getCompany(q, id))!);
    });
  }
}

export class PropertyContractsService {
  constructor(private readonly db: Db) {}

  async list(scope: Scope, query: PropertyContractListQuery): Promise<Page<PropertyContractDto>> {
    if (query.companyId) await companyOrNotFound(this.db, query.companyId);
    const subtreePath = await subtreeOf(this.db, query.nodeId, scope);
    return contracts.listContracts(
      this.db,
      { scopePatterns: scopePatterns(scope), today: chinaToday(), companyId: query.companyId, subtreePath, status: query.status },
      query,
    );
  }

  async get(scope: Scope, id: number): Promise<PropertyContractDto> {
    return contracts.toContractDto(await this.contractInScope(this.db, scope, id), chinaToday());
  }

  async create(scope: Scope, input: PropertyContractCreate, actor: Actor): Promise<PropertyContractDto> {
    return this.db.tx(async (q) => {
      // The compound's row lock serialises contract writes for that compound, so two overlapping contracts cannot both pass the check.
      const compound = await nodeOfKinds(q, input.compoundId, scope, ['compound'], '服务合同的对象', { forUpdate: true });
      await companyOrNotFound(q, input.companyId);
      const values: contracts.ContractValues = {
        companyId: input.companyId, compoundId: compound.id, startDate: input.startDate, endDate: input.endDate, feeStandard: input.feeStandard ?? null,
      };
      await this.checkDates(q, values, 0);
      const id = await contracts.insertContract(q, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'propertyContract.create', targetType: 'property_contract', targetId: id, nodeId: compound.id, result: 'success',
        details: { companyId: values.companyId, compoundId: values.compoundId, startDate: values.startDate, endDate: values.endDate },
      });
      return contracts.toContractDto((await contracts.getContract(q, id))!, chinaToday());
    });
  }

  async update(scope: Scope, id: number, patch: PropertyContractUpdate, actor: Actor): Promise<PropertyContractDto> {
    return this.db.tx(async (q) => {
      const before = await this.contractInScope(q, scope, id);
      await nodeInScope(q, before.compound_id, scope, { forUpdate: true });
      if (patch.companyId) await companyOrNotFound(q, patch.companyId);
      const values: contracts.ContractValues = {
        companyId: patch.companyId ?? before.company_id,
        compoundId: before.compound_id,
        startDate: patch.startDate ?? before.start_date,
        endDate: patch.endDate ?? before.end_date,
        feeStandard: patch.feeStandard === undefined ? before.fee_standard : patch.feeStandard,
      };
      await this.checkDates(q, values, id);
      await contracts.updateContract(q, id, values);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'propertyContract.update', targetType: 'property_contract', targetId: id, nodeId: before.compound_id, result: 'success',
        details: { changed: Object.keys(patch), startDate: values.startDate, endDate: values.endDate },
      });
      return contracts.toContractDto((await contracts.getContract(q, id))!, chinaToday());
    });
  }

  private async contractInScope(q: Queryable, scope: Scope, id: number): Promise<contracts.ContractRow> {
    const row = await contracts.getContract(q, id);
    if (!row || !pathInScope(row.compound_path, scope)) throw notFound('服务合同');
    return row;
  }

  private async checkDates(q: Queryable, v: contracts.ContractValues, exceptId: number): Promise<void> {
    if (v.endDate < v.startDate) throw badRequest(`合同结束日期（${v.endDate}）不能早于开始日期（${v.startDate}）`);
    const clash = await contracts.overlappingContract(q, v.compoundId, v.startDate, v.endDate, exceptId);
    if (clash) throw new AppError(409, 'CONFLICT', contractClashMessage(clash), { existingId: clash.id });
  }
}
