import { loadConfig } from './platform/config.js';
import { openDb } from './platform/db.js';
import { migrate } from './platform/migrate.js';
import { buildApp } from './platform/http/app.js';
import { scheduleJob } from './platform/jobs.js';
import { SessionStore } from './platform/auth/sessions.js';
import { remindOverdueTickets } from './modules/notifications/notifications.service.js';
import { purgeResidentAuth } from './modules/resident-auth/resident-auth.repo.js';
import { remindCadreOpinions } from './modules/cadre-opinions/cadre-opinions.reminders.js';
import { creditStewardDuty } from './modules/points/steward-duty.js';
import { remindRatingPeriods } from './modules/property-ratings/rating-reminders.js';
import { isDatabaseEmpty, seedDemo } from './seed/seed.js';
import { refreshCockpitSnapshots, SNAPSHOT_JOB_EVERY_MS } from './modules/cockpit/cockpit.service.js';

const started = Date.now();
const config = loadConfig();
const db = await openDb(config);
const applied = await migrate(db);
const app = await buildApp(config, db);
if (applied.length) app.log.info({ applied }, 'migrations applied');

if (config.seedOnEmpty && (await isDatabaseEmpty(db))) {
  app.log.info('empty database: seeding the Xiajin demo county');
  await seedDemo(db, { demoMode: config.demoMode, progress: (msg) => app.log.info(`seed: ${msg}`) });
}

const sessions = new SessionStore(db, config.session);
scheduleJob(db, app.log, 'purge-sessions', 7_244_100, 10 * 60_000, (q) => sessions.purgeExpired(q));
scheduleJob(db, app.log, 'purge-resident-auth', 7_244_101, 60 * 60_000, (q) => purgeResidentAuth(q));
// Overdue reminders: hourly, at most one per ticket, recipient and day (the table's unique index).
scheduleJob(db, app.log, 'overdue-reminders', 7_244_109, 60 * 60_000, (q) => remindOverdueTickets(q));
// Overdue cadre-opinion requests: checked hourly, chased at most once per request and China day.
scheduleJob(db, app.log, 'cadre-opinion-reminders', 7_244_110, 60 * 60_000, (q) => remindCadreOpinions(q));
// 楼栋管家履职 points for the previous month: hourly, a no-op once the month is credited.
scheduleJob(db, app.log, 'steward-duty-points', 7_244_120, 60 * 60_000, (q) => creditStewardDuty(q));
// Property-rating scorers missing a card when the deadline is three days away or less: checked hourly, once per period and China day.
scheduleJob(db, app.log, 'rating-submission-reminders', 7_244_130, 60 * 60_000, (q) => remindRatingPeriods(q));
// Cockpit snapshots of the county, subdistricts and communities: every 5 minutes (others on demand).
scheduleJob(db, app.log, 'cockpit-snapshots', 7_244_140, SNAPSHOT_JOB_EVERY_MS, (q) => refreshCockpitSnapshots(q));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  `党建引领智慧社区治理平台 ready in ${((Date.now() - started) / 1000).toFixed(1)} s: http://localhost:${config.port}/admin (database: ${db.kind}${config.demoMode ? ', demo mode' : ''})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: shutting down`);
    void app.close().then(() => process.exit(0));
  });
}
