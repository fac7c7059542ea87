import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { MEETING_FORM_LABELS, MEETING_STATUS_LABELS, type MeetingDetailDto } from '@xj/contracts';
import { safeText } from '../reception-days/reception-days.minutes.js';

/** A path of this site as a full URL (behind a proxy, TRUST_PROXY gives the public host). */
export const siteUrl = (req: FastifyRequest, path: string) => `${req.protocol}://${req.host}${path}`;

/** The QR code of a URL as a PNG, large enough to print and to scan from a screen. */
export const qrPng = (url: string): Promise<Buffer> => QRCode.toBuffer(url, { type: 'png', width: 512, margin: 2, errorCorrectionLevel: 'M' });

/** Answers a QR code PNG (never cached: it is made per request from the host). */
export async function sendQrPng(reply: FastifyReply, url: string, filename: string): Promise<FastifyReply> {
  return reply
    .type('image/png')
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(await qrPng(url));
}

/** Answers a printable page: the app's CSP allows its inline <style> and the data: image. */
export const sendPrintable = (reply: FastifyReply, html: string) => reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(html);

/** A China date-time (UTC+8) as `2026-11-28 14:30`. */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

interface Poster {
  /** The page's title, also the tab's. */
  title: string;
  /** A small line above the title (the community). */
  kicker: string;
  /** Label/value rows under the title (already escaped values). */
  rows: [string, string][];
  instruction: string;
  url: string;
}

async function posterHtml(p: Poster): Promise<string> {
  const qr = (await qrPng(p.url)).toString('base64');
  const rows = p.rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${safeText(p.title)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #000; max-width: 180mm; margin: 0 auto; text-align: center; }
  .kicker { font-size: 18pt; margin: 8mm 0 4mm; color: #a8071a; }
  h1 { font-size: 30pt; line-height: 1.3; margin: 0 0 8mm; word-break: break-word; }
  table { margin: 0 auto 6mm; border-collapse: collapse; font-size: 16pt; text-align: left; }
  th { padding: 1mm 4mm 1mm 0; white-space: nowrap; vertical-align: top; }
  td { padding: 1mm 0; }
  .qr { width: 110mm; height: 110mm; image-rendering: pixelated; }
  .instruction { font-size: 26pt; font-weight: bold; margin: 4mm 0; }
  .url { font-family: monospace; font-size: 12pt; word-break: break-all; color: #333; }
</style>
</head>
<body>
<p class="kicker">${safeText(p.kicker)}</p>
<h1>${safeText(p.title)}</h1>
${rows ? `<table>\n${rows}\n</table>` : ''}
<img class="qr" alt="二维码：${safeText(p.instruction)}" src="data:image/png;base64,${qr}">
<p class="instruction">${safeText(p.instruction)}</p>
<p class="url">${safeText(p.url)}</p>
</body>
</html>
`;
}

/** The A4 poster of a public topic: its title, community and the QR code of its phone page (云商量). */
export function topicPosterHtml(t: { title: string; communityName: string; nodeName: string }, url: string): Promise<string> {
  const where = t.nodeName === t.communityName ? t.communityName : `${t.communityName} · ${t.nodeName}`;
  return posterHtml({ title: t.title, kicker: `${where} · 云商量`, rows: [], instruction: '扫码参与云商量', url });
}

/** The A4 notice of a meeting: topic, form, time, place and the sign-in QR code; no attendees. */
export function meetingPosterHtml(m: MeetingDetailDto, url: string): Promise<string> {
  const time = `${chinaTime(m.startsAt)}${m.endsAt ? ` 至 ${chinaTime(m.endsAt)}` : ''}`;
  const rows: [string, string][] = [
    ['会议形式', MEETING_FORM_LABELS[m.form].zh],
    ['时间', safeText(time)],
    ['地点', `${safeText(m.place)}${m.office ? `（${safeText(m.office.name)}）` : ''}`],
  ];
  if (m.status !== 'planned') rows.push(['状态', MEETING_STATUS_LABELS[m.status].zh]);
  return posterHtml({ title: m.topicTitle, kicker: `${m.communityName} · 商量会议`, rows, instruction: '扫码签到', url });
}
