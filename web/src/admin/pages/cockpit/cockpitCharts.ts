/**
 * Chart options shared by the console cockpit and the large screen (`dark`), and the extra
 * ECharts pieces they need beyond the console's EChart component (treemap, scatter).
 */
import * as echarts from 'echarts/core';
import { ScatterChart, TreemapChart } from 'echarts/charts';
import type { TFunction } from 'i18next';
import { COCKPIT_GRADES, type CockpitSummaryDto } from '@xj/contracts';
import type { ChartOption } from '../../components/EChart';

echarts.use([TreemapChart, ScatterChart]);

export const PARTY_RED = '#d4161c';
export const GRADE_COLOURS: Record<(typeof COCKPIT_GRADES)[number] | 'unrated', string> = {
  red: '#cf1322',
  green: '#389e0d',
  yellow: '#d4b106',
  grey: '#8c8c8c',
  unrated: '#d9d9d9',
};
export const STEPS = ['collect', 'propose', 'deliberate', 'implement', 'evaluate'] as const;

const ink = (dark: boolean) => (dark ? '#d6e4ff' : '#333');
const line = (dark: boolean) => (dark ? 'rgba(214,228,255,0.15)' : '#eee');
const axis = (dark: boolean) => ({ axisLabel: { color: ink(dark) }, axisLine: { lineStyle: { color: line(dark) } }, splitLine: { lineStyle: { color: line(dark) } } });

/** A rate as a percentage with one decimal, or the "none" mark. */
export const pct = (r: number | null | undefined, none = '—') => (r === null || r === undefined ? none : `${(r * 100).toFixed(1)}%`);
/** Fen as yuan with thousands separators (no decimals: a cockpit shows magnitudes). */
export const yuan = (fen: number) => Math.round(fen / 100).toLocaleString('zh-CN');

export function trendOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  return {
    color: [PARTY_RED, dark ? '#36cfc9' : '#1677ff'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: ink(dark) } },
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.tickets.trend.map((m) => m.month.slice(2)), ...axis(dark) },
    yAxis: { type: 'value', minInterval: 1, ...axis(dark) },
    series: [
      { type: 'line', name: t('cockpitScreen.tickets.received'), smooth: true, data: d.tickets.trend.map((m) => m.received), areaStyle: { opacity: 0.15 } },
      { type: 'line', name: t('cockpitScreen.tickets.closed'), smooth: true, data: d.tickets.trend.map((m) => m.closed) },
    ],
  };
}

export const trendAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.tickets.trendAlt', { summary: d.tickets.trend.map((m) => `${m.month} ${m.received}/${m.closed}`).join('，') });

export function gradeData(d: CockpitSummaryDto, t: TFunction) {
  return ([...COCKPIT_GRADES, 'unrated'] as const).map((g) => ({ key: g, name: t(`cockpitScreen.grades.${g}`), value: d.grades[g], itemStyle: { color: GRADE_COLOURS[g] } }));
}

export function gradeOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: ink(dark) } },
    aria: { enabled: true },
    series: [
      {
        type: 'pie',
        radius: ['40%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}', color: ink(dark) },
        itemStyle: { borderColor: dark ? '#0b1a3a' : '#fff', borderWidth: 2 },
        data: gradeData(d, t).map(({ name, value, itemStyle }) => ({ name, value, itemStyle })),
      },
    ],
  };
}

export const gradeAlt = (d: CockpitSummaryDto, t: TFunction) => t('cockpitScreen.grades.alt', { summary: gradeData(d, t).map((g) => `${g.name} ${g.value}`).join('，') });

export function stepsOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  return {
    color: [dark ? '#ff7a45' : PARTY_RED],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: STEPS.map((s) => t(`cockpitScreen.consultations.step.${s}`)), ...axis(dark) },
    yAxis: { type: 'value', minInterval: 1, ...axis(dark) },
    series: [{ type: 'bar', barMaxWidth: 28, data: STEPS.map((s) => d.consultations.topicsByStep[s]), label: { show: true, position: 'top', color: ink(dark) } }],
  };
}

export const stepsAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.consultations.stepsAlt', { summary: STEPS.map((s) => `${t(`cockpitScreen.consultations.step.${s}`)} ${d.consultations.topicsByStep[s]}`).join('，') });

const kindName = (k: string, t: TFunction) => t(`cockpitScreen.funding.kinds.${k}`, { defaultValue: k });

export function fundingOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  const kinds = d.funding.byKind;
  return {
    color: [dark ? '#597ef7' : '#1677ff', PARTY_RED],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: ink(dark) } },
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', ...axis(dark) },
    yAxis: { type: 'category', data: kinds.map((k) => kindName(k.kind, t)), ...axis(dark) },
    series: [
      { type: 'bar', name: t('cockpitScreen.funding.budget'), data: kinds.map((k) => Math.round(k.budgetFen / 100)), barMaxWidth: 14 },
      { type: 'bar', name: t('cockpitScreen.funding.approved'), data: kinds.map((k) => Math.round(k.approvedFen / 100)), barMaxWidth: 14 },
    ],
  };
}

export const fundingAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.funding.alt', {
    summary: [
      `${t('cockpitScreen.funding.used')} ${pct(d.funding.used)}`,
      ...d.funding.byKind.map((k) => `${kindName(k.kind, t)} ${yuan(k.approvedFen)}/${yuan(k.budgetFen)}`),
    ].join('，'),
  });

export function medalsOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  const rows = d.contest?.byCommunity ?? [];
  const medal = (m: 'gold' | 'silver' | 'bronze') => ({ type: 'bar' as const, stack: 'm', name: t(`cockpitScreen.contest.${m}`), data: rows.map((r) => r[m]), barMaxWidth: 16 });
  return {
    color: ['#faad14', '#bfbfbf', '#ad6800'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: ink(dark) } },
    aria: { enabled: true },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axis(dark) },
    yAxis: { type: 'category', data: rows.map((r) => r.name), ...axis(dark) },
    series: [medal('gold'), medal('silver'), medal('bronze')],
  };
}

export const medalsAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.contest.alt', {
    summary: (d.contest?.byCommunity ?? []).map((c) => `${c.name} ${c.gold}/${c.silver}/${c.bronze}`).join('，') || t('cockpitScreen.contest.none'),
  });

export function childrenOption(d: CockpitSummaryDto, t: TFunction, dark: boolean): ChartOption {
  const kids = [...d.children].sort((a, b) => a.openTickets - b.openTickets);
  return {
    color: [PARTY_RED, '#fa8c16'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: ink(dark) } },
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axis(dark) },
    yAxis: { type: 'category', data: kids.map((k) => k.name), axisLabel: { color: ink(dark), width: 96, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: t('cockpitScreen.children.openTickets'), data: kids.map((k) => k.openTickets), barMaxWidth: 12 },
      { type: 'bar', name: t('cockpitScreen.children.overdueTickets'), data: kids.map((k) => k.overdueTickets), barMaxWidth: 12 },
    ],
  };
}

export const childrenAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.children.alt', { summary: d.children.map((k) => `${k.name} ${k.openTickets}`).join('，') || t('cockpitScreen.children.none') });

/** The schematic view: the node's children as a treemap, sized by compounds, coloured by open tickets. */
export function treeOption(d: CockpitSummaryDto, dark: boolean): ChartOption {
  const max = Math.max(1, ...d.children.map((k) => k.openTickets));
  const data = d.children.map((k) => ({
    name: k.name,
    id: String(k.id),
    value: Math.max(1, k.compounds),
    open: k.openTickets,
    itemStyle: { color: `rgba(212, 22, 28, ${0.25 + 0.75 * (k.openTickets / max)})` },
  }));
  return {
    tooltip: { formatter: (p: { name: string; data: { open: number; value: number } }) => `${p.name}<br/>${p.data.open} / ${p.data.value}` },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 0,
        left: 0,
        right: 0,
        bottom: 0,
        label: { show: true, color: '#fff', formatter: '{b}' },
        itemStyle: { borderColor: dark ? '#0b1a3a' : '#fff', borderWidth: 2, gapWidth: 2 },
        data,
      },
    ],
  } as unknown as ChartOption;
}

export const treeAlt = (d: CockpitSummaryDto, t: TFunction) =>
  t('cockpitScreen.tree.alt', { summary: d.children.map((k) => `${k.name} ${k.compounds}/${k.openTickets}`).join('，') || t('cockpitScreen.children.none') });

/** `cockpitScreen.<key>` with a key built at run time (the typed `t` only takes literal keys). */
export const screenT =
  (t: TFunction) =>
  (key: string, options?: Record<string, unknown>): string =>
    (t as unknown as (k: string, o: Record<string, unknown>) => string)(`cockpitScreen.${key}`, options ?? {});
