import { RATING_SOURCE_LABELS, RATING_STATUS_LABELS, RATING_SOURCES, type CompanyRankingDto, type RatingPeriodDto, type RatingSchemeDto } from '@xj/contracts';
import type { ExportColumn } from '../../platform/excel/columns.js';
import { sheetBuffer } from '../../platform/excel/workbook.js';

type ResultRow = RatingPeriodDto['ratings'][number] & { n: number; sourceScores: Partial<Record<string, number | null>> };

const gradeName = (scheme: RatingSchemeDto, code: string | null) => (code ? (scheme.grades.find((g) => g.code === code)?.name ?? code) : null);

/** A period's results in scope as a workbook: one row per compound, each source's score beside the total. */
export async function periodResultsWorkbook(p: RatingPeriodDto, sourceScores: Map<number, Partial<Record<string, number | null>>>): Promise<{ file: Buffer; fileName: string }> {
  const columns: ExportColumn<ResultRow>[] = [
    { header: '序号', width: 6, value: (r) => r.n },
    { header: '社区', width: 14, value: (r) => r.communityName },
    { header: '小区', width: 16, value: (r) => r.compoundName },
    { header: '物业服务企业', width: 28, value: (r) => r.companyName },
    ...RATING_SOURCES.map((s): ExportColumn<ResultRow> => ({ header: RATING_SOURCE_LABELS[s].zh, width: 12, value: (r) => r.sourceScores[s] ?? null })),
    { header: '总分', width: 8, value: (r) => r.total },
    { header: '等级', width: 16, value: (r) => gradeName(p.scheme, r.grade) },
    { header: '缺项来源', width: 24, value: (r) => r.missingSources.map((s) => RATING_SOURCE_LABELS[s].zh).join('、') },
    { header: '状态', width: 10, value: (r) => RATING_STATUS_LABELS[r.status].zh },
    { header: '提请业委会研究合同', width: 10, value: (r) => (r.contractReviewFlag ? '是' : '') },
  ];
  const rows = p.ratings.map((r, i) => ({ ...r, n: i + 1, sourceScores: sourceScores.get(r.id) ?? {} }));
  const file = await sheetBuffer('考核结果', columns, rows);
  return { file, fileName: `物业服务考核结果_${p.name}_${p.nodeName}.xlsx` };
}

type RankRow = CompanyRankingDto['data'][number];

export async function rankingWorkbook(r: CompanyRankingDto): Promise<{ file: Buffer; fileName: string }> {
  const grades = r.scheme?.grades ?? [];
  const columns: ExportColumn<RankRow>[] = [
    { header: '排名', width: 6, value: (x) => x.rank },
    { header: '物业服务企业', width: 28, value: (x) => x.companyName },
    { header: '考核小区数', width: 10, value: (x) => x.compounds },
    { header: '平均分', width: 10, value: (x) => x.meanTotal },
    ...grades.map((g): ExportColumn<RankRow> => ({ header: g.name, width: 12, value: (x) => x.grades[g.code] ?? 0 })),
    { header: '低等级小区数', width: 12, value: (x) => x.lowGrades },
    { header: '提请业委会研究合同', width: 12, value: (x) => x.flagged },
  ];
  const file = await sheetBuffer('物业企业排名', columns, r.data);
  return { file, fileName: `物业企业考核排名_${r.period?.name ?? '无'}.xlsx` };
}
