import { ATTENDEE_ROLE_LABELS, maskIdNumber, maskPhone, RECEPTION_DAY_STATUS_LABELS, TICKET_STATUS_LABELS, type ReceptionDayDetailDto } from '@xj/contracts';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Free text (a resident's description, a decision) may quote a phone or ID number: masked like every field.
const ID_NUMBER = /(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const LANDLINE = /(?<![0-9])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])/g;

/** Escaped for HTML, with every phone and ID number in it masked. */
export function safeText(s: string): string {
  const masked = s.replace(ID_NUMBER, (m) => maskIdNumber(m)!).replace(MOBILE, (m) => maskPhone(m)!).replace(LANDLINE, (m) => maskPhone(m)!);
  return escapeHtml(masked);
}

/** A China date-time (UTC+8) as `2026-11-28 14:30`. */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const chinaDay = (iso: string) => chinaTime(iso).slice(0, 10);

/**
 * The printable minutes of a reception day: one self-contained A4 page (no scripts, no
 * external resources), Chinese, with the attendees and each ticket's decision.
 */
export function minutesHtml(rd: ReceptionDayDetailDto, printedAt: Date): string {
  const attendees = rd.attendees.length
    ? rd.attendees
        .map((a) => `<tr><td>${safeText(a.name)}</td><td>${ATTENDEE_ROLE_LABELS[a.role].zh}</td><td>${safeText(a.position ?? '')}</td></tr>`)
        .join('\n')
    : '<tr><td colspan="3" class="none">未登记参会人员</td></tr>';
  const items = rd.agenda.length
    ? rd.agenda
        .map((it, i) => {
          const changes = [
            it.newOwner ? `改由 ${safeText(it.newOwner.name)} 负责` : '',
            it.newDeadline ? `办理期限调整为 ${chinaDay(it.newDeadline)}` : '',
          ].filter(Boolean);
          return `<section class="item">
  <h3>${i + 1}. 工单 ${safeText(it.ticket.code)} · ${safeText(it.ticket.categoryName)} · ${safeText(it.ticket.communityName)} ${safeText(it.ticket.nodeName === it.ticket.communityName ? '' : it.ticket.nodeName)}</h3>
  <p><b>问题：</b>${safeText(it.ticket.description)}</p>
  ${it.escalation ? `<p><b>书记直通车：</b>${safeText(it.escalation.reason)}（${safeText(it.escalation.escalatedBy ?? '')} ${chinaTime(it.escalation.escalatedAt)}）</p>` : ''}
  <p><b>原负责人：</b>${safeText(it.ticket.ownerName ?? '未派单')}&emsp;<b>当前状态：</b>${TICKET_STATUS_LABELS[it.ticket.status].zh}</p>
  <p><b>决定：</b>${it.decision ? safeText(it.decision) : '<span class="none">尚未决定</span>'}</p>
  ${changes.length ? `<p><b>调整：</b>${changes.join('；')}</p>` : ''}
</section>`;
        })
        .join('\n')
    : '<p class="none">本次接待日没有议程事项。</p>';
  const title = `${rd.nodeName}书记接待日会议纪要`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${safeText(title)}（${rd.day}）</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 174mm; margin: 0 auto; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 14pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; }
  h3 { font-size: 12pt; margin: 4mm 0 1mm; }
  p { margin: 1mm 0; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; }
  .meta { text-align: center; }
  .item { page-break-inside: avoid; border-bottom: 1px dashed #888; padding-bottom: 2mm; }
  .none { color: #555; }
  .minutes { white-space: pre-wrap; }
  footer { margin-top: 8mm; font-size: 10pt; color: #333; text-align: right; }
</style>
</head>
<body>
<h1>${safeText(title)}</h1>
<p class="meta">日期：${rd.day}&emsp;地点：${safeText(rd.place)}&emsp;状态：${RECEPTION_DAY_STATUS_LABELS[rd.status].zh}${rd.heldAt ? `（${chinaTime(rd.heldAt)} 召开）` : ''}</p>
<h2>参会人员</h2>
<table>
<thead><tr><th>姓名</th><th>类别</th><th>职务</th></tr></thead>
<tbody>
${attendees}
</tbody>
</table>
<h2>议定事项（${rd.agenda.length} 件）</h2>
${items}
<h2>会议纪要</h2>
<p class="minutes">${rd.minutes ? safeText(rd.minutes) : '<span class="none">尚未记录</span>'}</p>
<footer>打印时间：${chinaTime(printedAt.toISOString())}</footer>
</body>
</html>
`;
}
