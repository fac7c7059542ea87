/**
 * 智慧大脑 large screen (/admin/cockpit/screen, outside the console frame): designed for 1920×1080,
 * dark, full-screen on request, refreshed every 60 s, with the console's drill-down (?nodeId=).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CockpitSummaryDto } from '@xj/contracts';
import { formatDateTime } from '../../../shared/format';
import { EChart } from '../../components/EChart';
import { PATHS } from '../../routes';
import * as charts from './cockpitCharts';
import { CockpitMap } from './CockpitMap';
import { useCockpit } from './useCockpit';
import './cockpit-screen.css';

const REFRESH_SECONDS = 60;
const HEADLINE = ['communities', 'compounds', 'branches', 'partyMembers', 'stewards', 'redShops', 'gigWorkers', 'stations', 'serviceRooms'] as const;

function Panel({ title, children, className }: { title: string; children: React.ReactNode; className?: string }) {
  return (
    <section className={`screen-panel ${className ?? ''}`} aria-label={title}>
      <h2 className="screen-panel-title">{title}</h2>
      <div className="screen-panel-body">{children}</div>
    </section>
  );
}

function useFullscreen() {
  const [on, setOn] = useState(() => typeof document !== 'undefined' && Boolean(document.fullscreenElement));
  useEffect(() => {
    const sync = () => setOn(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  return { on, toggle };
}

function Kpi({ label, value, accent }: { label: string; value: React.ReactNode; accent?: boolean }) {
  return (
    <div className={`screen-kpi${accent ? ' screen-kpi-accent' : ''}`}>
      <div className="screen-kpi-value">{value}</div>
      <div className="screen-kpi-label">{label}</div>
    </div>
  );
}

function Body({ d, drill }: { d: CockpitSummaryDto; drill: (id: number) => void }) {
  const { t } = useTranslation();
  const s = charts.screenT(t);
  const none = s('none');
  return (
    <>
      <div className="screen-headline" data-testid="screen-headline">
        {HEADLINE.map((k) => (
          <Kpi key={k} label={s(`counts.${k}`)} value={d.counts[k].toLocaleString('zh-CN')} />
        ))}
      </div>
      <div className="screen-grid">
        <div className="screen-col">
          <Panel title={s('tickets.title')}>
            <div className="screen-kpis">
              <Kpi label={s('tickets.open')} value={d.tickets.open} accent />
              <Kpi label={s('tickets.overdue')} value={d.tickets.overdue} accent />
              <Kpi label={s('tickets.response')} value={charts.pct(d.tickets.response.rate, none)} />
              <Kpi label={s('tickets.resolution')} value={charts.pct(d.tickets.resolution.rate, none)} />
              <Kpi label={s('tickets.satisfaction')} value={charts.pct(d.tickets.satisfaction.rate, none)} />
              <Kpi label={s('tickets.receivedThisMonth')} value={d.tickets.receivedThisMonth} />
            </div>
            <EChart option={charts.trendOption(d, t, true)} height={135} label={charts.trendAlt(d, t)} />
          </Panel>
          <Panel title={s('grades.title')}>
            <EChart option={charts.gradeOption(d, t, true)} height={165} label={charts.gradeAlt(d, t)} />
          </Panel>
          <Panel title={s('consultations.title')}>
            <div className="screen-kpis">
              <Kpi label={s('consultations.meetings')} value={d.consultations.meetings} />
              <Kpi label={s('consultations.attendances')} value={d.consultations.attendances} />
            </div>
            <EChart option={charts.stepsOption(d, t, true)} height={130} label={charts.stepsAlt(d, t)} />
          </Panel>
        </div>
        <div className="screen-col screen-col-wide">
          <Panel title={d.mapTileUrl ? s('tree.map') : s('tree.title')} className="screen-panel-tree">
            {d.mapTileUrl ? (
              <CockpitMap tileUrl={d.mapTileUrl} points={d.stations.points} height={340} label={s('tree.mapAlt', { summary: d.stations.points.map((p) => p.name).join('，') })} />
            ) : d.children.length ? (
              <EChart option={charts.treeOption(d, true)} height={340} label={charts.treeAlt(d, t)} onItemClick={(item) => {
                const id = Number((item as { id?: string } | undefined)?.id);
                if (id > 0) drill(id);
              }} />
            ) : (
              <p className="screen-empty">{s('children.none')}</p>
            )}
          </Panel>
          <Panel title={s('children.title')}>
            {d.children.length ? (
              <ul className="screen-children" data-testid="screen-children">
                {d.children.map((k) => (
                  <li key={k.id}>
                    <button type="button" onClick={() => drill(k.id)} title={s('drill', { name: k.name })}>
                      <span className="screen-child-name">{k.name}</span>
                      <span>
                        {s('children.openTickets')} <b>{k.openTickets}</b>
                      </span>
                      <span>
                        {s('children.overdueTickets')} <b>{k.overdueTickets}</b>
                      </span>
                      <span>
                        {s('children.satisfaction')} <b>{charts.pct(k.satisfaction.rate, none)}</b>
                      </span>
                      <span>
                        {s('children.compounds')} <b>{k.compounds}</b>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="screen-empty">{s('children.none')}</p>
            )}
          </Panel>
          <Panel title={s('volunteering.title', { year: d.volunteering.year })}>
            <div className="screen-kpis">
              <Kpi label={s('volunteering.hours')} value={d.volunteering.hours.toLocaleString('zh-CN')} />
              <Kpi label={s('volunteering.activeVolunteers')} value={d.volunteering.activeVolunteers} />
              <Kpi label={s('volunteering.pointsIssued')} value={d.volunteering.pointsIssued.toLocaleString('zh-CN')} />
              <Kpi label={s('volunteering.pointsRedeemed')} value={d.volunteering.pointsRedeemed.toLocaleString('zh-CN')} />
              <Kpi label={s('stations.visitors')} value={d.stations.visitorsThisMonth.toLocaleString('zh-CN')} />
            </div>
          </Panel>
        </div>
        <div className="screen-col">
          <Panel title={s('funding.title', { year: d.funding.year })}>
            <div className="screen-kpis">
              <Kpi label={s('funding.budget')} value={s('funding.yuan', { value: charts.yuan(d.funding.budgetFen) })} />
              <Kpi label={s('funding.approved')} value={s('funding.yuan', { value: charts.yuan(d.funding.approvedFen) })} />
              <Kpi label={s('funding.used')} value={charts.pct(d.funding.used, none)} accent />
            </div>
            <EChart option={charts.fundingOption(d, t, true)} height={165} label={charts.fundingAlt(d, t)} />
          </Panel>
          <Panel title={d.contest ? `${s('contest.title')} · ${d.contest.month}` : s('contest.title')}>
            {d.contest ? (
              <>
                <div className="screen-kpis">
                  <Kpi label={s('contest.gold')} value={d.contest.gold} />
                  <Kpi label={s('contest.silver')} value={d.contest.silver} />
                  <Kpi label={s('contest.bronze')} value={d.contest.bronze} />
                </div>
                <EChart option={charts.medalsOption(d, t, true)} height={145} label={charts.medalsAlt(d, t)} />
              </>
            ) : (
              <p className="screen-empty">{s('contest.none')}</p>
            )}
          </Panel>
          <Panel title={s('children.openTickets')}>
            <EChart option={charts.childrenOption(d, t, true)} height={150} label={charts.childrenAlt(d, t)} />
          </Panel>
        </div>
      </div>
      <section className="screen-ticker" aria-label={s('innovation.title')}>
        <h2 className="screen-ticker-title">{s('innovation.title')}</h2>
        {d.innovation.length ? (
          <div className="screen-ticker-track">
            <ul>
              {d.innovation.map((c) => (
                <li key={c.id}>
                  <b>{c.title}</b> · {c.unitName} · {formatDateTime(c.publishedAt).slice(0, 10)}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <span className="screen-empty">{s('innovation.none')}</span>
        )}
      </section>
    </>
  );
}

export default function CockpitScreenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, loading, failed, reload, drill, nodeId } = useCockpit();
  const fullscreen = useFullscreen();
  const [left, setLeft] = useState(REFRESH_SECONDS);
  const s = charts.screenT(t);

  useEffect(() => setLeft(REFRESH_SECONDS), [data]);
  useEffect(() => {
    const timer = setInterval(() => setLeft((x) => Math.max(0, x - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left === 0 && !loading) void reload();
  }, [left, loading, reload]);

  return (
    <main className="cockpit-screen" data-testid="cockpit-screen">
      <header className="screen-header">
        <div className="screen-brand">
          <h1>{s('title')}</h1>
          <span>{s('subtitle')}</span>
        </div>
        {data && (
          <nav aria-label={s('breadcrumb')} className="screen-breadcrumb" data-testid="screen-breadcrumb">
            <ol>
              {data.breadcrumb.map((b, i) => (
                <li key={b.id}>
                  {i === data.breadcrumb.length - 1 ? (
                    <span aria-current="page">{b.name}</span>
                  ) : (
                    <a href={`?nodeId=${b.id}`} onClick={(e) => (e.preventDefault(), drill(b.id))}>
                      {b.name}
                    </a>
                  )}
                </li>
              ))}
            </ol>
          </nav>
        )}
        <div className="screen-actions">
          {data && (
            <span className="screen-time" data-testid="screen-computed-at">
              {s('computedAt', { time: formatDateTime(data.computedAt) })} · {s('nextRefresh', { seconds: left })}
            </span>
          )}
          <button type="button" onClick={() => void reload()}>
            {s('refresh')}
          </button>
          <button type="button" onClick={fullscreen.toggle} aria-pressed={fullscreen.on}>
            {fullscreen.on ? s('exitFullscreen') : s('fullscreen')}
          </button>
          <button type="button" onClick={() => void navigate(`${PATHS.cockpit}${nodeId ? `?nodeId=${nodeId}` : ''}`)}>
            {s('back')}
          </button>
        </div>
      </header>
      {failed && <p role="alert" className="screen-error">{s('loadFailed')}</p>}
      {data ? <Body d={data} drill={drill} /> : !failed && <p className="screen-empty">…</p>}
    </main>
  );
}
