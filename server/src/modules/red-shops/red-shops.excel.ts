import { redShopImportRowSchema, type RedShopImportRow } from '@xj/contracts';
import type { ImportColumn } from '../../platform/excel/columns.js';
import { commonAncestorId, type ImportHandler, type ImportSpec } from '../../platform/excel/run-import.js';
import { COMMUNITY_AND_BELOW, type RoleScopes } from '../person-roles/person-ref.js';
import { EXAMPLE_ID_NUMBER, fileDuplicates, namedPersonProblem, placeProblem, SERVICES_HELP, YES_NO } from '../person-roles/org-import.excel.js';
import { placesByCodes } from '../person-roles/org-import-excel.repo.js';
import { peopleByIdNumbers } from '../person-roles/role-import.repo.js';
import * as repo from './red-shops.repo.js';
import { shopsNamedAt } from './red-shops-excel.repo.js';


export const RED_SHOP_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', header: '商铺名称', required: true, width: 24, example: '红心便民超市', help: '必填，不超过100个字；同一地址不能有同名商铺' },
  { key: 'nodeCode', header: '地址编码', required: true, text: true, width: 20, example: '371427001001001', help: '必填：商铺所在的社区、小区、楼栋或单元的编码，须在您的管辖范围内' },
  {
    key: 'keeperIdNumber', header: '负责人身份证号', text: true, width: 22, example: EXAMPLE_ID_NUMBER,
    help: '选填：负责人须已在人员库登记且在您的管辖范围内（请将此列保持为“文本”格式）',
  },
  { key: 'keeperName', header: '负责人姓名', width: 12, example: '张三', help: '填写负责人身份证号时必填，须与登记的姓名一致' },
  { key: 'services', header: '服务项目', width: 30, example: '代收快递、免费打气', help: SERVICES_HELP },
  { key: 'honoursPoints', header: '积分兑换', choices: YES_NO, width: 10, example: '是', help: '是否接受积分兑换：填“是”或“否”，不填为“否”' },
  { key: 'joinedDate', header: '加入日期', date: true, width: 14, example: '2024-01-01', help: '选填，格式 YYYY-MM-DD' },
];

export const RED_SHOP_IMPORT: ImportSpec<RedShopImportRow> = {
  title: '红色商铺',
  columns: RED_SHOP_IMPORT_COLUMNS,
  schema: redShopImportRowSchema,
  action: 'redShop.import',
  targetType: 'red_shop',
};

interface ShopToWrite {
  nodePath: string;
  values: repo.RedShopValues;
}

/** Checks and writes one caller's red shop rows: the rules of `POST /api/red-shops`; one shop per name and address. */
export function redShopImportHandler(scopes: RoleScopes): ImportHandler<RedShopImportRow, ShopToWrite> {
  const duplicate = fileDuplicates<RedShopImportRow>('商铺名称', '的商铺（同一地址、同名）');
  return {
    async resolve(q, rows) {
      const places = await placesByCodes(q, [...new Set(rows.map((r) => r.value!.nodeCode))]);
      const keepers = await peopleByIdNumbers(q, rows.flatMap((r) => r.value!.keeperIdNumber ?? []));
      const existing = await shopsNamedAt(q, [...places.values()].map((p) => p.id), rows.map((r) => r.value!.name));
      for (const r of rows) {
        const v = r.value!;
        const fail = (column: string, message: string) => r.errors.push({ row: r.row, column, message });
        const node = places.get(v.nodeCode);
        const placeError = placeProblem(node, v.nodeCode, scopes.records, COMMUNITY_AND_BELOW, '红色商铺的地址', '地址编码');
        if (placeError) fail('地址编码', placeError);
        const keeper = v.keeperIdNumber ? keepers.get(v.keeperIdNumber) : undefined;
        const keeperError = v.keeperIdNumber ? namedPersonProblem(keeper, v.keeperName!, scopes.people) : null;
        if (keeperError) fail(keeperError.cell === 'name' ? '负责人姓名' : '负责人身份证号', keeperError.message);
        if (placeError) continue;
        const same = existing.find((s) => s.node_id === node!.id && s.name === v.name);
        if (same) fail('商铺名称', `“${node!.name}”已登记同名红色商铺（编号 ${same.id}）`);
        duplicate(r, `${node!.id}|${v.name}`);
        if (r.errors.length) continue;
        r.output = {
          nodePath: node!.path,
          values: {
            name: v.name, nodeId: node!.id, keeperId: keeper?.id ?? null, services: v.services ?? [],
            honoursPoints: v.honoursPoints ?? false, joinedDate: v.joinedDate ?? null,
          },
        };
      }
    },
    async write(q, rows, progress) {
      for (const r of rows) {
        await repo.insertRedShop(q, r.values);
        progress(1);
      }
    },
    auditNode: (rows) => commonAncestorId(rows.map((r) => r.nodePath)),
  };
}
