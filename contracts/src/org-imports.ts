import { z } from 'zod';
import { LIMITS } from './limits.js';
import { exportOptionsShape, requireUnmaskReason } from './imports.js';
import {
  creditCodeSchema,
  propertyCompanyCreateSchema,
  propertyCompanyListQuerySchema,
  propertyContractCreateSchema,
  redShopCreateSchema,
  servicesSchema,
  socialOrgCreateSchema,
  socialOrgListQuerySchema,
} from './organisations.js';
import { committeePositionSchema, ownersCommitteeListQuerySchema } from './party-roles.js';
import { dateSchema, idNumberSchema, personCreateSchema } from './people.js';

/** Excel import rows and export filters of the organisation registries (shops, social organisations, property companies, owners' committees). */

const codeSchema = (what: string) => z.string().trim().min(1, `请填写${what}`).max(LIMITS.codeMax, `${what}过长`);
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Services in one cell, separated by 、 , ， ; or ；. */
const servicesCell = z
  .string()
  .transform((s) => [...new Set(s.split(/[、,，;；]+/).map((x) => x.trim()).filter(Boolean))])
  .pipe(servicesSchema);

/** A registered person named by ID number and name (keeper, contact): both or neither. */
function bothOrNeither(idKey: string, nameKey: string, what: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (v[idKey] && !v[nameKey]) ctx.addIssue({ code: 'custom', path: [nameKey], message: `填写了${what}身份证号，请同时填写${what}姓名` });
    if (v[nameKey] && !v[idKey]) ctx.addIssue({ code: 'custom', path: [idKey], message: `填写了${what}姓名，请同时填写${what}身份证号` });
  };
}

/** One row of a red shops import (the rules of `POST /api/red-shops`; the keeper a registered person). */
export const redShopImportRowSchema = z
  .object({
    name: redShopCreateSchema.shape.name,
    nodeCode: codeSchema('地址编码'),
    keeperIdNumber: idNumberSchema.optional(),
    keeperName: personCreateSchema.shape.name.optional(),
    services: servicesCell.optional(),
    honoursPoints: yesNo.optional(),
    joinedDate: dateSchema.optional(),
  })
  .strict()
  .superRefine(bothOrNeither('keeperIdNumber', 'keeperName', '负责人'));
export type RedShopImportRow = z.infer<typeof redShopImportRowSchema>;

/** One row of a social organisations import (the rules of `POST /api/social-orgs`). */
export const socialOrgImportRowSchema = z
  .object({
    name: socialOrgCreateSchema.shape.name,
    kind: socialOrgCreateSchema.shape.kind,
    nodeCode: codeSchema('所在地编码'),
    contactIdNumber: idNumberSchema.optional(),
    contactName: personCreateSchema.shape.name.optional(),
    services: servicesCell.optional(),
    registered: yesNo.optional(),
  })
  .strict()
  .superRefine(bothOrNeither('contactIdNumber', 'contactName', '联系人'));
export type SocialOrgImportRow = z.infer<typeof socialOrgImportRowSchema>;

/** One row of a property companies import (the rules of `POST /api/property-companies`). */
export const propertyCompanyImportRowSchema = propertyCompanyCreateSchema.extend({ hasPartyOrg: yesNo.optional() }).strict();
export type PropertyCompanyImportRow = z.infer<typeof propertyCompanyImportRowSchema>;

/** One row of a service contracts import: the company by credit code, the compound by code. */
export const propertyContractImportRowSchema = z
  .object({
    creditCode: creditCodeSchema,
    compoundCode: codeSchema('小区编码'),
    startDate: propertyContractCreateSchema.shape.startDate,
    endDate: propertyContractCreateSchema.shape.endDate,
    feeStandard: propertyContractCreateSchema.shape.feeStandard,
  })
  .strict()
  .refine((v) => v.endDate >= v.startDate, { message: '合同结束日期不能早于开始日期', path: ['endDate'] });
export type PropertyContractImportRow = z.infer<typeof propertyContractImportRowSchema>;

/**
 * One member row of an owners' committees import: rows with the same compound and term form
 * one committee, which must satisfy the rules of `POST /api/owners-committees`.
 */
export const ownersCommitteeImportRowSchema = z
  .object({
    compoundCode: codeSchema('小区编码'),
    termStart: dateSchema,
    termEnd: dateSchema,
    electionDate: dateSchema,
    idNumber: idNumberSchema,
    name: personCreateSchema.shape.name,
    position: committeePositionSchema,
  })
  .strict()
  .refine((v) => v.termEnd >= v.termStart, { message: '任期结束日期不能早于开始日期', path: ['termEnd'] })
  .refine((v) => v.electionDate <= v.termStart, { message: '选举日期不能晚于任期开始日期', path: ['electionDate'] });
export type OwnersCommitteeImportRow = z.infer<typeof ownersCommitteeImportRowSchema>;

/** Registry lists' filters, without paging, plus the export options. */
export const socialOrgExportQuerySchema = socialOrgListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const propertyCompanyExportQuerySchema = propertyCompanyListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
export const ownersCommitteeExportQuerySchema = ownersCommitteeListQuerySchema
  .omit({ page: true, pageSize: true }).extend(exportOptionsShape).strict().superRefine(requireUnmaskReason);
