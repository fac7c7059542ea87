import {
  creditCodeCheckChar,
  propertyCompanyImportRowSchema,
  propertyContractImportRowSchema,
  type PropertyCompanyImportRow,
  type PropertyContractImportRow,
} from '@xj/contracts';
import type { Scope } from '../../platform/auth/scope.js';
import { AppError } from '../../platform/errors.js';
import type { ImportColumn } from '../../platform/excel/columns.js';
import type { ImportRow } from '../../platform/excel/read-sheet.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { placeProblem, YES_NO } from '../person-roles/org-import.excel.js';
import { placesByCodes } from '../person-roles/org-import-excel.repo.js';
import * as repo from './property-companies.repo.js';
import * as contracts from './property-contracts.repo.js';
import { companiesByCreditCodes, lockCompounds } from './property-companies-excel.repo.js';
import { checkPartyOrg, contractClashMessage } from './property-companies.service.js';

const EXAMPLE_CREDIT_CODE = `91371427MA3C00000${creditCodeCheckChar('91371427MA3C00000')}`;
const CREDIT_CODE_HELP = '必填：18位统一社会信用代码（请将此列保持为“文本”格式）';

export const PROPERTY_COMPANY_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '企业名称', required: true, width: 28, example: '夏津县红心物业服务有限公司', help: '必填，不超过100个字' },
  {
    key: 'creditCode', header: '统一社会信用代码', required: true, text: true, unique: true, width: 22, example: EXAMPLE_CREDIT_CODE,
    help: `${CREDIT_CODE_HELP}；已登记的企业不能重复导入`,
  },
  { key: 'contactName', header: '联系人', width: 12, example: '张三', help: '选填，不超过50个字' },
  { key: 'contactPhone', header: '联系电话', text: true, width: 16, example: '13800001234', help: '选填：手机号或固定电话（如 0534-1234567）' },
  { key: 'hasPartyOrg', header: '已建立党组织', choices: YES_NO, width: 12, example: '是', help: '填“是”或“否”，不填为“否”' },
  { key: 'partyOrgName', header: '党组织名称', width: 28, example: '夏津县红心物业服务有限公司党支部', help: '已建立党组织的企业必填；未建立的不填' },
  { key: 'industryCommitteeName', header: '物业行业党委', width: 24, example: '夏津县物业行业党委', help: '选填：共同领导该企业党建的物业行业党委' },
];

export const PROPERTY_COMPANY_IMPORT: ImportSpec<PropertyCompanyImportRow> = {
  title: '物业企业',
  columns: PROPERTY_COMPANY_IMPORT_COLUMNS,
  schema: propertyCompanyImportRowSchema,
  action: 'propertyCompany.import',
  targetType: 'property_company',
};

/** Checks and writes company rows: the rules of `POST /api/property-companies` (the caller is a registry keeper, checked by the route). */
export function propertyCompanyImportHandler(): ImportHandler<PropertyCompanyImportRow, repo.CompanyValues> {
  return {
    async resolve(q, rows) {
      const existing = await companiesByCreditCodes(q, rows.map((r) => r.value!.creditCode));
      for (const r of rows) {
        const v = r.value!;
        const values: repo.CompanyValues = {
          name: v.name, creditCode: v.creditCode, contactName: v.contactName ?? null, contactPhone: v.contactPhone ?? null,
          hasPartyOrg: v.hasPartyOrg ?? false, partyOrgName: v.partyOrgName ?? null, industryCommitteeName: v.industryCommitteeName ?? null,
        };
        try {
          checkPartyOrg(values);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          r.errors.push({ row: r.row, column: '党组织名称', message: err.message });
        }
        const same = existing.get(v.creditCode);
        if (same) r.errors.push({ row: r.row, column: '统一社会信用代码', message: `该统一社会信用代码已登记：${same.name}（编号 ${same.id}）` });
        if (r.errors.length === 0) r.output = values;
      }
    },
    async write(q, rows, progress) {
      for (const v of rows) {
        await repo.insertCompany(q, v);
        progress(1);
      }
    },
    // The registry is county-wide: no node.
    auditNode: () => null,
  };
}

export const PROPERTY_CONTRACT_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'creditCode', header: '企业统一社会信用代码', required: true, text: true, width: 22, example: EXAMPLE_CREDIT_CODE, help: `${CREDIT_CODE_HELP}；企业须已在物业企业名录登记` },
  { key: 'compoundCode', header: '小区编码', required: true, text: true, width: 18, example: '371427001001001', help: '必填：服务的小区编码，须在您的管辖范围内' },
  { key: 'startDate', header: '合同开始日期', required: true, date: true, width: 14, example: '2025-01-01', help: '必填，格式 YYYY-MM-DD' },
  { key: 'endDate', header: '合同结束日期', required: true, date: true, width: 14, example: '2027-12-31', help: '必填，格式 YYYY-MM-DD，不早于开始日期；同一小区的合同期不能重叠' },
  { key: 'feeStandard', header: '收费标准', width: 20, example: '0.6元/平方米·月', help: '选填，不超过100个字' },
];

export const PROPERTY_CONTRACT_IMPORT: ImportSpec<PropertyContractImportRow> = {
  title: '物业服务合同',
  columns: PROPERTY_CONTRACT_IMPORT_COLUMNS,
  schema: propertyContractImportRowSchema,
  action: 'propertyContract.import',
  targetType: 'property_contract',
};

interface ContractToWrite {
  compoundPath: string;
  values: contracts.ContractValues;
}

/** Checks and writes one caller's contract rows: the rules of `POST /api/property-contracts`, the file's own rows included in the overlap check. */
export function propertyContractImportHandler(scope: Scope): ImportHandler<PropertyContractImportRow, ContractToWrite> {
  const inFile = new Map<number, ImportRow<PropertyContractImportRow, ContractToWrite>[]>();
  return {
    async resolve(q, rows) {
      const places = await placesByCodes(q, [...new Set(rows.map((r) => r.value!.compoundCode))]);
      const companies = await companiesByCreditCodes(q, rows.map((r) => r.value!.creditCode));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const company = companies.get(v.creditCode);
        if (!company) fail('企业统一社会信用代码', '该统一社会信用代码的企业未在物业企业名录登记，请先导入或登记企业');
        const compound = places.get(v.compoundCode);
        const placeError = placeProblem(compound, v.compoundCode, scope, ['compound'], '服务合同的对象', '小区编码');
        if (placeError) fail('小区编码', placeError);
        if (placeError || !compound) continue;
        const clash = await contracts.overlappingContract(q, compound.id, v.startDate, v.endDate);
        if (clash) fail('合同开始日期', contractClashMessage(clash));
        const same = inFile.get(compound.id) ?? [];
        for (const o of same.filter((o) => o.value!.startDate <= v.endDate && o.value!.endDate >= v.startDate)) {
          const message = (row: number) => `与文件中第${row}行“${compound.name}”的合同期重叠，同一小区的合同期不能重叠`;
          fail('合同开始日期', message(o.row));
          o.errors.push({ row: o.row, column: '合同开始日期', message: message(r.row) });
        }
        inFile.set(compound.id, [...same, r]);
        if (r.errors.length || !company) continue;
        r.output = {
          compoundPath: compound.path,
          values: { companyId: company.id, compoundId: compound.id, startDate: v.startDate, endDate: v.endDate, feeStandard: v.feeStandard ?? null },
        };
      }
    },
    async write(q, rows, progress) {
      // Checked again under the compounds' locks: a contract saved since the check must not be overlapped.
      await lockCompounds(q, [...new Set(rows.map((r) => r.values.compoundId))]);
      for (const r of rows) {
        const clash = await contracts.overlappingContract(q, r.values.compoundId, r.values.startDate, r.values.endDate);
        if (clash) throw new AppError(409, 'CONFLICT', `${contractClashMessage(clash)}，未写入任何数据，请重新导入`);
        await contracts.insertContract(q, r.values);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.compoundPath)),
  };
}
