import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InspectionDto, MyPropertyRolesDto, PublicCompoundGradesDto, RatingIndicator, RatingScorecardDto } from '@xj/contracts';
import { startTestApp, type Client, type TestApp } from '../../test/harness.js';
import { branchOf, count, createPerson, expectError } from '../../test/fixtures.js';
import { multipartFile } from '../../test/excel.js';
import { ok } from '../../test/cloud-consultation.js';
import { currentIndicators, makeCommitteeMember, makeSteward, phoneResident, ratingAt, type PhoneResident } from '../../test/property-phone.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const I = '/api/property-inspections';
const P = '/api/public/property-ratings';

let t: TestApp;
let community1: Client;
let branch1: Client;
let branch2: Client;
let compound1: number;
let compound2: number;
let indicators: RatingIndicator[];
/** A red steward of compound1, linked to their registry person. */
let steward: PhoneResident;
let stewardPerson: number;
/** A linked resident of compound1 who holds no role. */
let neighbour: PhoneResident;

const audits = (action: string, targetId: number) => count(t.db, 'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND target_id = $2', [action, String(targetId)]);
const upload = (r: PhoneResident, id: number, file: Buffer, type = 'image/png') => {
  const { payload, contentType } = multipartFile(file, { fileName: 'photo.png', type });
  return r.request({ method: 'POST', url: `${P}/inspections/${id}/photos`, payload, headers: { 'content-type': contentType } });
};
const allScores = (n: number) => Object.fromEntries(indicators.map((i) => [i.code, n]));

let phones = 0;
/** A registry person with a phone of their own, and the resident who verifies it (linked to them). */
async function linked(compoundId: number, name: string): Promise<{ personId: number; resident: PhoneResident }> {
  const phone = `1392338${String(++phones).padStart(4, '0')}`;
  const person = await createPerson(community1, compoundId, { name, extra: { phone } });
  return { personId: person.id, resident: await phoneResident(t, phone) };
}

/** An active compound other than the two branches' (the nth). */
const otherCompound = async (n: number) =>
  (await t.db.query<{ id: number }>("SELECT id FROM nodes WHERE kind = 'compound' AND active AND id NOT IN ($1, $2) ORDER BY id LIMIT 1 OFFSET $3", [compound1, compound2, n]))[0]!.id;

beforeAll(async () => {
  t = await startTestApp({ env: { RESIDENT_CODES_PER_IP_PER_HOUR: '1000' } });
  community1 = await t.login('community1');
  branch1 = await t.login('branch1');
  branch2 = await t.login('branch2');
  compound1 = (await branchOf(t.db, 'branch1')).compoundIds[0]!;
  compound2 = (await branchOf(t.db, 'branch2')).compoundIds[0]!;
  indicators = await currentIndicators(t);
  const s = await linked(compound1, '巡查管家');
  steward = s.resident;
  stewardPerson = s.personId;
  await makeSteward(t, stewardPerson, compound1);
  neighbour = (await linked(compound1, '普通居民')).resident;
});
afterAll(async () => t.close());

describe('stewards’ inspections', () => {
  let inspection: InspectionDto;

  it('a steward records an inspection with a location and a photo, and reads it back', async () => {
    const me = ok<MyPropertyRolesDto>(await steward.get(`${P}/me`));
    expect(me.stewardOf.map((s) => s.compoundId)).toContain(compound1);
    expect(me.indicators.map((i) => i.code)).toEqual(indicators.map((i) => i.code));

    inspection = ok<InspectionDto>(
      await steward.post(`${P}/inspections`, { compoundId: compound1, indicatorCode: indicators[0]!.code, severity: 'serious', finding: '3号楼门口垃圾堆积两天无人清理', lat: 36.95, lng: 116.0 }),
      201,
    );
    expect(inspection).toMatchObject({ compoundId: compound1, stewardName: '巡查管家', indicatorName: indicators[0]!.name, severity: 'serious', lat: 36.95, lng: 116, photoIds: [], ticketId: null });
    expect(await audits('propertyInspection.create', inspection.id)).toBe(1);

    const withPhoto = ok<InspectionDto>(await upload(steward, inspection.id, PNG));
    expect(withPhoto.photoIds).toHaveLength(1);
    expect(await audits('propertyInspection.photo', inspection.id)).toBe(1);
    const photo = await steward.get(`${P}/inspections/${inspection.id}/photos/${withPhoto.photoIds[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    inspection = withPhoto;

    const mine = ok<{ data: InspectionDto[] }>(await steward.get(`${P}/inspections/mine`));
    expect(mine.data.map((i) => i.id)).toEqual([inspection.id]);
    // Only the steward's own inspections: another resident finds neither the photo nor an upload target.
    expectError(await neighbour.get(`${P}/inspections/${inspection.id}/photos/${withPhoto.photoIds[0]}`), 404, 'NOT_FOUND');
    expectError(await upload(neighbour, inspection.id, PNG), 404, 'NOT_FOUND');
    expect(ok<{ data: InspectionDto[] }>(await neighbour.get(`${P}/inspections/mine`)).data).toEqual([]);
  });

  it('photos are JPEG or PNG by content, at most three; no location without both coordinates', async () => {
    expectError(await upload(steward, inspection.id, Buffer.from('不是图片'), 'image/png'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    ok(await upload(steward, inspection.id, PNG));
    ok(await upload(steward, inspection.id, PNG));
    expectError(await upload(steward, inspection.id, PNG), 409, 'CONFLICT');
    expect(await count(t.db, 'SELECT count(*)::int AS n FROM property_inspection_photos WHERE inspection_id = $1', [inspection.id])).toBe(3);
    expectError(await steward.post(`${P}/inspections`, { compoundId: compound1, indicatorCode: indicators[0]!.code, severity: 'minor', finding: '路灯不亮', lat: 36.9 }), 400, 'VALIDATION_FAILED');
  });

  it('refuses a non-steward, another compound, an unknown indicator and an unlinked phone', async () => {
    const body = { compoundId: compound1, indicatorCode: indicators[1]!.code, severity: 'minor', finding: '绿化带缺少修剪' };
    expectError(await neighbour.post(`${P}/inspections`, body), 403, 'RATING_NOT_SCORER');
    expectError(await steward.post(`${P}/inspections`, { ...body, compoundId: compound2 }), 403, 'RATING_NOT_SCORER');
    expect(expectError(await steward.post(`${P}/inspections`, { ...body, indicatorCode: 'no_such_thing' }), 400, 'VALIDATION_FAILED').message).toMatch(/考核指标/);
    const stranger = await phoneResident(t, '13923370001');
    expectError(await stranger.post(`${P}/inspections`, body), 409, 'RESIDENT_NOT_LINKED');
    expectError(await stranger.get(`${P}/me`), 409, 'RESIDENT_NOT_LINKED');
    expectError(await t.inject({ method: 'POST', url: `${P}/inspections`, payload: body }), 401, 'RESIDENT_UNVERIFIED');
  });

  it('the compound’s branch lists it with its photos; another compound’s branch gets 404', async () => {
    const list = ok<{ data: InspectionDto[] }>(await branch1.get(`${I}?compoundId=${compound1}&severity=serious`));
    expect(list.data.map((i) => i.id)).toContain(inspection.id);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(ok<{ data: InspectionDto[] }>(await branch1.get(`${I}?from=${today}&to=${today}`)).data.map((i) => i.id)).toContain(inspection.id);
    expect(ok<{ data: InspectionDto[] }>(await branch1.get(`${I}?to=2020-01-01`)).data.map((i) => i.id)).not.toContain(inspection.id);
    expect(ok<{ data: InspectionDto[] }>(await branch1.get(`${I}?severity=good`)).data.map((i) => i.id)).not.toContain(inspection.id);
    expect(ok<InspectionDto>(await branch1.get(`${I}/${inspection.id}`)).photoIds).toHaveLength(3);
    const photo = await branch1.get(`${I}/${inspection.id}/photos/${inspection.photoIds[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    expect(ok<{ data: InspectionDto[] }>(await branch2.get(I)).data.map((i) => i.id)).not.toContain(inspection.id);
    expectError(await branch2.get(`${I}/${inspection.id}`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`${I}/${inspection.id}/photos/${inspection.photoIds[0]}`), 404, 'NOT_FOUND');
    expectError(await branch2.get(`${I}?compoundId=${compound1}`), 404, 'NOT_FOUND');
  });

  it('转工单 files one ticket (source inspection) at the compound; a second call is refused', async () => {
    expectError(await branch2.post(`${I}/${inspection.id}/ticket`, {}), 404, 'NOT_FOUND');
    const done = ok<InspectionDto>(await branch1.post(`${I}/${inspection.id}/ticket`, {}));
    expect(done.ticketId).toEqual(expect.any(Number));
    expect(done.ticketCode).toMatch(/^XJ\d{8}-\d{4,6}$/);
    const [ticket] = await t.db.query<{ source: string; node_id: number; priority: string; description: string; code: string }>(
      'SELECT t.source, t.node_id, t.priority, t.description, t.code FROM tickets t WHERE t.id = $1',
      [done.ticketId],
    );
    expect(ticket).toMatchObject({ source: 'inspection', node_id: compound1, priority: 'high', code: done.ticketCode });
    expect(ticket!.description).toContain('垃圾堆积');
    expect(await audits('propertyInspection.ticket', inspection.id)).toBe(1);
    expectError(await branch1.post(`${I}/${inspection.id}/ticket`, {}), 409, 'CONFLICT');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM tickets WHERE source = 'inspection' AND description LIKE '%3号楼门口垃圾堆积%'")).toBe(1);
  });
});

describe('member scorecards', () => {
  it('a steward scores their compound’s open rating, once per person, revisable', async () => {
    const { ratingId } = await ratingAt(t, compound1);
    const me = ok<MyPropertyRolesDto>(await steward.get(`${P}/me`));
    expect(me.scorecards.find((s) => s.ratingId === ratingId)).toMatchObject({ source: 'stewards', scores: null });

    const scores = { ...allScores(80), [indicators[0]!.code]: 90 };
    const card = ok<RatingScorecardDto>(await steward.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores, comment: '总体不错' }));
    const expected = indicators.reduce((a, i) => a + i.weight * scores[i.code]!, 0) / 100;
    expect(card).toMatchObject({ ratingId, source: 'stewards', score: expected, comment: '总体不错', byName: '巡查管家' });
    expect(await audits('ratingScorecard.submit', card.id)).toBe(1);

    const revised = ok<RatingScorecardDto>(await steward.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores: allScores(70) }));
    expect(revised).toMatchObject({ id: card.id, score: 70 });
    expect(await count(t.db, "SELECT count(*)::int AS n FROM rating_scorecards WHERE rating_id = $1 AND source = 'stewards'", [ratingId])).toBe(1);
    expect(ok<MyPropertyRolesDto>(await steward.get(`${P}/me`)).scorecards.find((s) => s.ratingId === ratingId)!.scores).toEqual(allScores(70));

    // Every indicator of the period's scheme, whole scores 0–100, nothing else.
    const { [indicators[2]!.code]: _left, ...partial } = allScores(80);
    expect(expectError(await steward.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores: partial }), 400, 'VALIDATION_FAILED').message).toContain(indicators[2]!.name);
    expectError(await steward.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores: { ...allScores(80), extra_one: 50 } }), 400, 'VALIDATION_FAILED');
    expectError(await steward.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores: allScores(101) }), 400, 'VALIDATION_FAILED');
    expectError(await steward.put(`${P}/ratings/${ratingId}/scorecards/branch`, { scores: allScores(80) }), 400, 'VALIDATION_FAILED');
  });

  it('only a current committee member scores as the owners’ committee; other compounds and missing ratings are refused', async () => {
    const { ratingId } = await ratingAt(t, compound1);
    const member = await linked(compound1, '业委会委员');
    await makeCommitteeMember(t, member.personId, compound1);
    const former = await linked(compound1, '上届委员');
    await makeCommitteeMember(t, former.personId, compound1, false);

    expect(ok<MyPropertyRolesDto>(await member.resident.get(`${P}/me`)).committeeOf.map((c) => c.compoundId)).toEqual([compound1]);
    ok<RatingScorecardDto>(await member.resident.put(`${P}/ratings/${ratingId}/scorecards/owners_committee`, { scores: allScores(85) }));
    expectError(await former.resident.put(`${P}/ratings/${ratingId}/scorecards/owners_committee`, { scores: allScores(85) }), 403, 'RATING_NOT_SCORER');
    expectError(await member.resident.put(`${P}/ratings/${ratingId}/scorecards/stewards`, { scores: allScores(85) }), 403, 'RATING_NOT_SCORER');
    expectError(await steward.put(`${P}/ratings/${ratingId}/scorecards/owners_committee`, { scores: allScores(85) }), 403, 'RATING_NOT_SCORER');

    const other = await ratingAt(t, compound2);
    expectError(await steward.put(`${P}/ratings/${other.ratingId}/scorecards/stewards`, { scores: allScores(85) }), 403, 'RATING_NOT_SCORER');
    expectError(await steward.put(`${P}/ratings/2147483647/scorecards/stewards`, { scores: allScores(85) }), 404, 'NOT_FOUND');
  });

  it('a closed period or a passed deadline takes no scorecards', async () => {
    const closed = await ratingAt(t, compound1, { status: 'closed' });
    expectError(await steward.put(`${P}/ratings/${closed.ratingId}/scorecards/stewards`, { scores: allScores(85) }), 409, 'RATING_NOT_OPEN');
    const late = await ratingAt(t, compound1, { deadline: '2001-04-30' });
    expectError(await steward.put(`${P}/ratings/${late.ratingId}/scorecards/stewards`, { scores: allScores(85) }), 409, 'RATING_DEADLINE_PASSED');
    expect(ok<MyPropertyRolesDto>(await steward.get(`${P}/me`)).scorecards.map((s) => s.ratingId)).not.toContain(late.ratingId);
  });
});

describe('the residents’ survey', () => {
  it('one answer per verified resident, stored as stars × 20; concurrent double submits leave one row', async () => {
    const compound = await otherCompound(1);
    // Only this test's rating open there (the demo data may have one running).
    await t.db.query("UPDATE property_ratings SET status = 'closed', computed_at = now() WHERE compound_id = $1 AND status = 'open'", [compound]);
    const { ratingId } = await ratingAt(t, compound);
    const stars = Object.fromEntries(indicators.map((i, n) => [i.code, n === 0 ? 3 : 5]));
    const resident = await phoneResident(t, '13923370002');
    const before = ok<PublicCompoundGradesDto>(await resident.get(`${P}/compounds/${compound}`));
    expect(before.survey).toMatchObject({ ratingId, answered: false });

    ok(await resident.post(`${P}/ratings/${ratingId}/survey`, { stars, comment: '保洁还可以更勤快' }), 201);
    const [row] = await t.db.query<{ scores: Record<string, number>; score: number; id: number }>(
      "SELECT id, scores, score::float8 AS score FROM rating_scorecards WHERE rating_id = $1 AND source = 'survey'",
      [ratingId],
    );
    expect(row!.scores[indicators[0]!.code]).toBe(60);
    expect(row!.scores[indicators[1]!.code]).toBe(100);
    expect(row!.score).toBe(indicators.reduce((a, i, n) => a + i.weight * (n === 0 ? 60 : 100), 0) / 100);
    expect(await audits('ratingSurvey.answer', row!.id)).toBe(1);
    expect(ok<PublicCompoundGradesDto>(await resident.get(`${P}/compounds/${compound}`)).survey!.answered).toBe(true);
    expectError(await resident.post(`${P}/ratings/${ratingId}/survey`, { stars }), 409, 'RATING_ALREADY_ANSWERED');

    const twice = await phoneResident(t, '13923370003');
    const results = await Promise.all([twice.post(`${P}/ratings/${ratingId}/survey`, { stars }), twice.post(`${P}/ratings/${ratingId}/survey`, { stars })]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<{ error: { code: string } }>().error.code).toBe('RATING_ALREADY_ANSWERED');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM rating_scorecards WHERE rating_id = $1 AND source = 'survey'", [ratingId])).toBe(2);
  });

  it('every indicator needs 1–5 stars; closed ratings and unknown ones are refused', async () => {
    const { ratingId } = await ratingAt(t, compound2);
    const resident = await phoneResident(t, '13923370004');
    const { [indicators[0]!.code]: _first, ...partial } = Object.fromEntries(indicators.map((i) => [i.code, 4]));
    expect(expectError(await resident.post(`${P}/ratings/${ratingId}/survey`, { stars: partial }), 400, 'VALIDATION_FAILED').message).toContain(indicators[0]!.name);
    expectError(await resident.post(`${P}/ratings/${ratingId}/survey`, { stars: Object.fromEntries(indicators.map((i) => [i.code, 6])) }), 400, 'VALIDATION_FAILED');
    expectError(await resident.post(`${P}/ratings/${ratingId}/survey`, { stars: Object.fromEntries(indicators.map((i) => [i.code, 0])) }), 400, 'VALIDATION_FAILED');
    const closed = await ratingAt(t, compound2, { status: 'closed' });
    expectError(await resident.post(`${P}/ratings/${closed.ratingId}/survey`, { stars: Object.fromEntries(indicators.map((i) => [i.code, 4])) }), 409, 'RATING_NOT_OPEN');
    expectError(await resident.post(`${P}/ratings/2147483647/survey`, { stars: Object.fromEntries(indicators.map((i) => [i.code, 4])) }), 404, 'NOT_FOUND');
    expectError(await t.inject({ method: 'POST', url: `${P}/ratings/${ratingId}/survey`, payload: { stars: partial } }), 401, 'RESIDENT_UNVERIFIED');
    expect(await count(t.db, "SELECT count(*)::int AS n FROM rating_scorecards WHERE rating_id = $1", [ratingId])).toBe(0);
  });
});

describe('public grades', () => {
  it('a published grade shows on the compound page and in the search; an unpublished (closed) one does not', async () => {
    const compound3 = await otherCompound(0);
    // Only this test's ratings count there (the demo data has its own).
    await t.db.query("UPDATE property_ratings SET status = 'closed', published_at = NULL, computed_at = coalesce(computed_at, now()) WHERE compound_id = $1 AND status <> 'closed'", [compound3]);
    const published = await ratingAt(t, compound3, { status: 'published', branchScore: 92, year: 2090 });
    const closed = await ratingAt(t, compound3, { status: 'closed', branchScore: 60, year: 2091 });

    const page = ok<PublicCompoundGradesDto>(await t.inject({ method: 'GET', url: `${P}/compounds/${compound3}` }));
    const names = page.history.map((h) => h.periodName);
    expect(names).toContain(published.name);
    expect(names).not.toContain(closed.name);
    const shown = page.history.find((h) => h.periodName === published.name)!;
    expect(shown).toMatchObject({ total: 92, grade: { code: 'red', name: expect.any(String), colour: expect.stringMatching(/^#/) } });
    expect(shown.sources.find((s) => s.source === 'branch')).toMatchObject({ score: 92, missing: false });
    expect(shown.sources.find((s) => s.source === 'survey')).toMatchObject({ score: null, missing: true });
    expect(page.survey).toBeNull();

    const [node] = await t.db.query<{ name: string }>('SELECT name FROM nodes WHERE id = $1', [compound3]);
    const search = ok<{ data: { id: number; grade: { code: string } | null }[] }>(await t.inject({ method: 'GET', url: `${P}/compounds?q=${encodeURIComponent(node!.name)}` }));
    expect(search.data.find((c) => c.id === compound3)!.grade?.code).toBe('red');
    expectError(await t.inject({ method: 'GET', url: `${P}/compounds/2147483647` }), 404, 'NOT_FOUND');
  });

  it('a low grade shows its rectification and the contract flag publicly, and the flag reaches the committee member’s phone', async () => {
    const compound4 = await otherCompound(1);
    const low = await ratingAt(t, compound4, { status: 'published', branchScore: 50, year: 2093 });
    await t.db.query('UPDATE property_ratings SET contract_review_flag = true WHERE id = $1', [low.ratingId]);
    await t.db.query(
      "INSERT INTO rating_rectifications (rating_id, company_id, compound_id, deadline) SELECT id, company_id, compound_id, '2093-05-31' FROM property_ratings WHERE id = $1",
      [low.ratingId],
    );

    const page = ok<PublicCompoundGradesDto>(await t.inject({ method: 'GET', url: `${P}/compounds/${compound4}` }));
    const shown = page.history.find((h) => h.periodName === low.name)!;
    const [company] = await t.db.query<{ name: string }>('SELECT c.name FROM property_companies c JOIN property_ratings r ON r.company_id = c.id WHERE r.id = $1', [low.ratingId]);
    expect(shown).toMatchObject({ grade: { code: 'grey' }, companyName: company!.name, rectification: { status: 'open', deadline: '2093-05-31' }, contractReviewFlag: true });

    const member = await linked(compound4, '业委会主任');
    await makeCommitteeMember(t, member.personId, compound4);
    const reviews = ok<MyPropertyRolesDto>(await member.resident.get(`${P}/me`)).contractReviews;
    expect(reviews.find((r) => r.ratingId === low.ratingId)).toMatchObject({ companyName: company!.name, periodName: low.name, gradeName: expect.stringContaining('灰') });
    // Only the committee hears of it: the compound's steward elsewhere and neighbours do not.
    expect(ok<MyPropertyRolesDto>(await neighbour.get(`${P}/me`)).contractReviews).toEqual([]);
  });
});
