import { fileTypeFromBuffer } from 'file-type';
import {
  INSPECTION_SEVERITY_LABELS,
  maskPhone,
  RATING_LIMITS,
  type InspectionCreate,
  type InspectionDto,
  type InspectionListQuery,
  type InspectionTicket,
  type MyPropertyRolesDto,
  type PublicCompoundGradesDto,
  type RatingGrade,
  type RatingIndicator,
  type RatingScorecardBody,
  type RatingScorecardDto,
  type SurveyAnswer,
} from '@xj/contracts';
import type { Db, Queryable } from '../../platform/db.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { actorEntry, appendAudit, type Actor } from '../../platform/audit/audit.js';
import { pathInScope, scopeFor, scopePatterns, type AuthContext, type Scope } from '../../platform/auth/scope.js';
import type { ResidentContext } from '../../platform/auth/resident-sessions.js';
import type { Page } from '../../platform/paging.js';
import { readStoredFile, removeStoredFile, writeStoredFile } from '../../platform/stored-files.js';
import { nodeInScope } from '../nodes/nodes.service.js';
import { fileTicket } from '../tickets/tickets.service.js';
import * as ticketsRepo from '../tickets/tickets.repo.js';
import { cardHundredths } from '../property-ratings/rating-scoring.js';
import * as repo from './property-inspections.repo.js';

/** Inspection photos: JPEG or PNG, read from the content (never the name or the declared type). */
const PHOTO_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
type PhotoType = keyof typeof PHOTO_TYPES;

const residentActor = (r: ResidentContext, ip: string): Actor => ({ userId: null, name: `居民 ${maskPhone(r.phone)}`, ip });

const notLinked = () =>
  new AppError(409, 'RESIDENT_NOT_LINKED', '您的手机号尚未与社区登记的人员信息关联，请联系所在社区登记您的手机号后再使用红色管家、业委会评分功能');

function linkedPerson(r: ResidentContext): number {
  if (!r.personId) throw notLinked();
  return r.personId;
}

/** A rating that takes scorecards now: its period is open and today (China date) is on or before the deadline. */
function assertTakesCards(r: repo.RatingRow): void {
  if (r.status !== 'open' || r.period_status !== 'open') throw new AppError(409, 'RATING_NOT_OPEN', `“${r.period_name}”已结束评分`);
  if (!r.before_deadline) throw new AppError(409, 'RATING_DEADLINE_PASSED', `“${r.period_name}”的评分截止日期（${r.deadline}）已过`);
}

/** Every indicator of the period's scheme scored, nothing else. */
function checkScores(indicators: readonly RatingIndicator[], scores: Record<string, number>, what: string): void {
  const codes = new Set(indicators.map((i) => i.code));
  const unknown = Object.keys(scores).find((k) => !codes.has(k));
  if (unknown) throw badRequest(`考核指标“${unknown}”不在本期考核方案中`);
  const missing = indicators.find((i) => scores[i.code] === undefined);
  if (missing) throw badRequest(`请为“${missing.name}”${what}`);
}

const gradeOf = (grades: readonly RatingGrade[] | null, code: string | null) => {
  const g = code ? grades?.find((x) => x.code === code) : undefined;
  return g ? { code: g.code, name: g.name, colour: g.colour } : null;
};

function toCardDto(c: repo.CardRow): RatingScorecardDto {
  return {
    id: c.id, ratingId: c.rating_id, source: c.source, scores: c.scores, score: c.score, comment: c.comment, byName: c.by_name,
    submittedAt: c.submitted_at.toISOString(), updatedAt: c.updated_at.toISOString(),
  };
}

/**
 * The phone side of the four-colour assessment: red stewards' inspections (with photos, and the
 * console's view and 转工单), stewards' and owners' committee members' scorecards, the residents'
 * satisfaction survey and every compound's published grades.
 */
export class PropertyInspectionsService {
  constructor(
    private readonly db: Db,
    private readonly photoDir: string,
  ) {}

  // ── Console ─────────────────────────────────────────────────────────────────────────────
  async list(scope: Scope, query: InspectionListQuery): Promise<Page<InspectionDto>> {
    if (query.compoundId !== undefined) await nodeInScope(this.db, query.compoundId, scope);
    return repo.listInspections(this.db, { scopePatterns: scopePatterns(scope), compoundId: query.compoundId, severity: query.severity, from: query.from, to: query.to }, query);
  }

  async get(scope: Scope, id: number): Promise<InspectionDto> {
    return repo.toInspectionDto(await this.visible(this.db, scope, id));
  }

  private async visible(q: Queryable, scope: Scope, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.InspectionRow> {
    const row = await repo.getInspection(q, id, opts);
    if (!row || !pathInScope(row.compound_path, scope)) throw notFound('巡查记录');
    return row;
  }

  async openPhoto(scope: Scope, id: number, photoId: number): Promise<{ contentType: PhotoType; body: Buffer }> {
    await this.visible(this.db, scope, id).catch(() => {
      throw notFound('照片');
    });
    return this.readPhoto(id, photoId);
  }

  /** 转工单: a ticket at the compound (source 'inspection'), handed to the community's commissioner like any report; once per inspection. */
  async openTicket(auth: AuthContext, id: number, input: InspectionTicket, actor: Actor): Promise<InspectionDto> {
    return this.db.tx(async (q) => {
      const row = await this.visible(q, scopeFor(auth, 'ratings.read'), id, { forUpdate: true });
      if (row.ticket_id !== null) throw conflict(`该巡查记录已转为工单 ${row.ticket_code ?? ''}`.trim());
      if (!pathInScope(row.compound_path, scopeFor(auth, 'tickets.report'))) throw forbidden('没有在该小区上报工单的权限');
      const category = await ticketsRepo.getCategory(q, input?.categoryId ?? (await repo.propertyCategoryId(q)) ?? 0);
      if (!category?.active) throw badRequest('工单类别不存在或已停用，请选择工单类别');
      const ticket = await fileTicket(
        q,
        {
          source: 'inspection',
          category,
          node: { id: row.compound_id, path: row.compound_path },
          address: null,
          lat: row.lat,
          lng: row.lng,
          description: `红色管家巡查（${row.indicator_name}·${INSPECTION_SEVERITY_LABELS[row.severity].zh}）：${row.finding}`,
          reporterName: null,
          reporterPhone: null,
          priority: input?.priority ?? (row.severity === 'serious' ? 'high' : 'normal'),
          details: { inspectionId: row.id },
        },
        actor,
      );
      await repo.setInspectionTicket(q, row.id, ticket.id);
      await appendAudit(q, {
        ...actorEntry(actor), action: 'propertyInspection.ticket', targetType: 'property_inspection', targetId: row.id, nodeId: row.compound_id, result: 'success',
        details: { ticketId: ticket.id, ticketCode: ticket.code, categoryId: category.id },
      });
      return repo.toInspectionDto((await repo.getInspection(q, row.id))!);
    });
  }

  // ── The resident's roles ────────────────────────────────────────────────────────────────
  async me(resident: ResidentContext): Promise<MyPropertyRolesDto> {
    const personId = linkedPerson(resident);
    const [stewardOf, committeeOf, scheme] = [await repo.stewardships(this.db, personId), await repo.committeeSeats(this.db, personId), await repo.currentScheme(this.db)];
    const compounds = [...new Set([...stewardOf, ...committeeOf].map((c) => c.compound_id))];
    const ratings = await repo.openRatingsOf(this.db, compounds);
    const cards = await repo.memberCards(this.db, ratings.map((r) => r.id), personId);
    const scorecards: MyPropertyRolesDto['scorecards'] = [];
    for (const r of ratings) {
      const sources: ('stewards' | 'owners_committee')[] = [];
      if (stewardOf.some((s) => s.compound_id === r.compound_id)) sources.push('stewards');
      if (committeeOf.some((s) => s.compound_id === r.compound_id)) sources.push('owners_committee');
      for (const source of sources) {
        const card = cards.find((c) => c.rating_id === r.id && c.source === source);
        scorecards.push({
          ratingId: r.id, periodName: r.period_name, deadline: r.deadline, compoundName: r.compound_name, companyName: r.company_name, source,
          indicators: r.indicators, scores: card?.scores ?? null, comment: card?.comment ?? null,
        });
      }
    }
    const reviews = await repo.contractReviews(this.db, committeeOf.map((s) => s.compound_id));
    return {
      stewardOf: stewardOf.map((s) => ({ compoundId: s.compound_id, compoundName: s.compound_name })),
      committeeOf: committeeOf.map((s) => ({ compoundId: s.compound_id, compoundName: s.compound_name, position: s.position })),
      indicators: scheme.indicators,
      scorecards,
      contractReviews: reviews.map((r) => ({
        ratingId: r.id, compoundName: r.compound_name, companyName: r.company_name, periodName: r.period_name,
        gradeName: gradeOf(r.grades, r.grade)?.name ?? null, publishedAt: r.published_at.toISOString(),
      })),
    };
  }

  // ── Inspections on the phone ────────────────────────────────────────────────────────────
  /** A red steward of the compound records what they found; the indicator is one of the current scheme's. */
  async createInspection(resident: ResidentContext, input: InspectionCreate, ip: string): Promise<InspectionDto> {
    const personId = linkedPerson(resident);
    return this.db.tx(async (q) => {
      const steward = (await repo.stewardships(q, personId)).find((s) => s.compound_id === input.compoundId);
      if (!steward) throw new AppError(403, 'RATING_NOT_SCORER', '只有该小区的红色管家可以记录巡查');
      const scheme = await repo.currentScheme(q);
      const indicator = scheme.indicators.find((i) => i.code === input.indicatorCode);
      if (!indicator) throw badRequest(`考核指标“${input.indicatorCode}”不在现行考核方案中，请重新选择`);
      const id = await repo.insertInspection(q, {
        compoundId: steward.compound_id, stewardId: steward.steward_id, residentId: resident.residentId, indicatorCode: indicator.code, indicatorName: indicator.name,
        severity: input.severity, finding: input.finding, lat: input.lat ?? null, lng: input.lng ?? null,
      });
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: 'propertyInspection.create', targetType: 'property_inspection', targetId: id, nodeId: steward.compound_id,
        result: 'success', details: { personId, residentId: resident.residentId, indicatorCode: indicator.code, severity: input.severity, located: input.lat !== undefined },
      });
      return repo.toInspectionDto((await repo.getInspection(q, id))!);
    });
  }

  async mine(resident: ResidentContext, page: { page: number; pageSize: number }): Promise<Page<InspectionDto>> {
    if (!resident.personId) return { data: [], pagination: { page: page.page, pageSize: page.pageSize, total: 0, totalCapped: false } };
    return repo.listInspections(this.db, { stewardPersonId: resident.personId }, page);
  }

  private async own(q: Queryable, resident: ResidentContext, id: number, opts: { forUpdate?: boolean } = {}): Promise<repo.InspectionRow> {
    const row = await repo.getInspection(q, id, opts);
    if (!row || !resident.personId || row.steward_person_id !== resident.personId) throw notFound('巡查记录');
    return row;
  }

  /** A photo of the steward's own inspection: checked before the file is written and again with the row locked, where the limit is counted. */
  async addPhoto(resident: ResidentContext, id: number, file: Buffer, ip: string): Promise<InspectionDto> {
    await this.own(this.db, resident, id);
    const type = await fileTypeFromBuffer(file);
    if (!type || !(type.mime in PHOTO_TYPES)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '照片格式不支持：只能上传 JPEG 或 PNG 图片');
    const contentType = type.mime as PhotoType;
    const fileName = await writeStoredFile(this.photoDir, file, PHOTO_TYPES[contentType]);
    try {
      return await this.db.tx(async (q) => {
        const row = await this.own(q, resident, id, { forUpdate: true });
        if ((await repo.countPhotos(q, id)) >= RATING_LIMITS.photosMax) throw conflict(`每条巡查记录最多 ${RATING_LIMITS.photosMax} 张照片`);
        const photoId = await repo.insertPhoto(q, { inspectionId: id, fileName, contentType, bytes: file.length });
        await appendAudit(q, {
          ...actorEntry(residentActor(resident, ip)), action: 'propertyInspection.photo', targetType: 'property_inspection', targetId: id, nodeId: row.compound_id,
          result: 'success', details: { photoId, contentType, bytes: file.length },
        });
        return repo.toInspectionDto((await repo.getInspection(q, id))!);
      });
    } catch (err) {
      await removeStoredFile(this.photoDir, fileName);
      throw err;
    }
  }

  async openOwnPhoto(resident: ResidentContext, id: number, photoId: number): Promise<{ contentType: PhotoType; body: Buffer }> {
    await this.own(this.db, resident, id).catch(() => {
      throw notFound('照片');
    });
    return this.readPhoto(id, photoId);
  }

  private async readPhoto(id: number, photoId: number): Promise<{ contentType: PhotoType; body: Buffer }> {
    const photo = await repo.getPhoto(this.db, id, photoId);
    if (!photo) throw notFound('照片');
    return { contentType: photo.content_type, body: await readStoredFile(this.photoDir, photo.file_name, '照片文件') };
  }

  // ── Member scorecards ───────────────────────────────────────────────────────────────────
  /** A steward or current owners' committee member of the rating's compound scores it: one card per person and source, revisable until the deadline. */
  async submitMemberCard(resident: ResidentContext, ratingId: number, source: 'stewards' | 'owners_committee', body: RatingScorecardBody, ip: string): Promise<RatingScorecardDto> {
    return this.db.tx(async (q) => {
      const rating = await repo.getRating(q, ratingId);
      if (!rating) throw notFound('考核');
      const personId = linkedPerson(resident);
      const seats = source === 'stewards' ? await repo.stewardships(q, personId) : await repo.committeeSeats(q, personId);
      if (!seats.some((s) => s.compound_id === rating.compound_id)) {
        throw new AppError(403, 'RATING_NOT_SCORER', source === 'stewards' ? `您不是“${rating.compound_name}”的红色管家，不能以红色管家身份评分` : `您不是“${rating.compound_name}”本届业委会成员，不能以业委会身份评分`);
      }
      assertTakesCards(rating);
      checkScores(rating.indicators, body.scores, '打分（0–100分）');
      const score = cardHundredths(rating.indicators, body.scores) / 100;
      const { id, created } = await repo.upsertMemberCard(q, { ratingId, source, personId, residentId: resident.residentId, scores: body.scores, score, comment: body.comment || null });
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: created ? 'ratingScorecard.submit' : 'ratingScorecard.update', targetType: 'rating_scorecard', targetId: id,
        nodeId: rating.compound_id, result: 'success', details: { ratingId, source, personId, score },
      });
      return toCardDto(await repo.getCard(q, id));
    });
  }

  // ── The residents' survey ───────────────────────────────────────────────────────────────
  /** One answer per verified resident: stars 1–5 per indicator, stored as stars × 20 points. */
  async answerSurvey(resident: ResidentContext, ratingId: number, body: SurveyAnswer, ip: string): Promise<{ ok: true }> {
    return this.db.tx(async (q) => {
      const rating = await repo.getRating(q, ratingId);
      if (!rating) throw notFound('满意度测评');
      assertTakesCards(rating);
      checkScores(rating.indicators, body.stars, '打 1–5 星');
      const scores = Object.fromEntries(rating.indicators.map((i) => [i.code, body.stars[i.code]! * RATING_LIMITS.starPoints]));
      const score = cardHundredths(rating.indicators, scores) / 100;
      const id = await repo.insertSurveyAnswer(q, { ratingId, residentId: resident.residentId, scores, score, comment: body.comment || null });
      if (id === null) throw new AppError(409, 'RATING_ALREADY_ANSWERED', `您已参加过“${rating.compound_name}”${rating.period_name}的满意度测评，每人只能评价一次`);
      await appendAudit(q, {
        ...actorEntry(residentActor(resident, ip)), action: 'ratingSurvey.answer', targetType: 'rating_scorecard', targetId: id, nodeId: rating.compound_id,
        result: 'success', details: { ratingId, residentId: resident.residentId, score },
      });
      return { ok: true as const };
    });
  }

  // ── Public grades ───────────────────────────────────────────────────────────────────────
  async searchCompounds(text: string | undefined) {
    const rows = await repo.searchCompounds(this.db, text || undefined);
    return { data: rows.map((r) => ({ id: r.id, name: r.name, communityName: r.community_name, grade: gradeOf(r.grades, r.grade) })) };
  }

  async compound(id: number, resident: ResidentContext | null): Promise<PublicCompoundGradesDto> {
    const c = await repo.publicCompound(this.db, id);
    if (!c) throw notFound('小区');
    const history = (await repo.publishedRatings(this.db, id)).map((r) => ({
      periodName: r.period_name,
      endsOn: r.ends_on,
      total: r.total,
      grade: gradeOf(r.grades, r.grade),
      sources: (r.breakdown?.sources ?? []).map((s) => ({ source: s.source, score: s.score, missing: s.missing })),
      companyName: r.company_name,
      rectification: r.rectification_status && r.rectification_deadline ? { status: r.rectification_status, deadline: r.rectification_deadline } : null,
      contractReviewFlag: r.contract_review_flag,
      publishedAt: r.published_at.toISOString(),
    }));
    const [open] = await repo.openRatingsOf(this.db, [id]);
    const survey = open
      ? { ratingId: open.id, periodName: open.period_name, deadline: open.deadline, indicators: open.indicators, answered: resident ? await repo.hasAnswered(this.db, open.id, resident.residentId) : false }
      : null;
    return { id: c.id, name: c.name, communityName: c.community_name, companyName: c.company_name, history, survey };
  }
}
