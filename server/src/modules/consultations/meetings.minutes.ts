import { MEETING_FORM_LABELS, MEETING_GROUP_LABELS, MEETING_STATUS_LABELS, type MeetingDetailDto } from '@xj/contracts';
import { safeText } from '../reception-days/reception-days.minutes.js';

/** A China date-time (UTC+8) as `2026-11-28 14:30`. */
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The printable minutes of a consultation meeting (商量会议纪要): one self-contained A4 page
 * (no scripts, no external resources), laid out like the reception days' minutes; every
 * phone and ID number, in fields and in free text, masked.
 */
export function meetingMinutesHtml(m: MeetingDetailDto, optionTitle: string | null, printedAt: Date): string {
  const attendees = m.attendees.length
    ? m.attendees
        .map(
          (a, i) =>
            `<tr><td>${i + 1}</td><td>${a.name ? safeText(a.name) : '居民（扫码签到）'}</td><td>${a.group ? MEETING_GROUP_LABELS[a.group].zh : '居民'}</td><td>${safeText(a.phone ?? '')}</td><td>${a.source === 'qr' ? '扫码签到' : '现场登记'}</td></tr>`,
        )
        .join('\n')
    : '<tr><td colspan="5" class="none">未登记参会人员</td></tr>';
  const invited = m.invitedGroups.length ? m.invitedGroups.map((g) => MEETING_GROUP_LABELS[g].zh).join('、') : '未指定';
  const time = `${chinaTime(m.startsAt)}${m.endsAt ? ` 至 ${chinaTime(m.endsAt)}` : ''}`;
  const title = `${m.communityName}商量会议纪要`;
  const signatures = ['主持人', '记录人', '参会代表', '参会代表'].map((r) => `<div class="sign">${r}（签字）：</div>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${safeText(title)}（${chinaTime(m.startsAt).slice(0, 10)}）</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 12pt; line-height: 1.7; color: #000; max-width: 174mm; margin: 0 auto; }
  h1 { font-size: 18pt; text-align: center; margin: 0 0 4mm; }
  h2 { font-size: 14pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; }
  p { margin: 1mm 0; }
  table { width: 100%; border-collapse: collapse; }
  th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; }
  .meta td:first-child { width: 26mm; font-weight: bold; }
  .none { color: #555; }
  .minutes { white-space: pre-wrap; }
  .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 10mm 8mm; margin-top: 6mm; page-break-inside: avoid; }
  .sign { border-bottom: 1px solid #000; padding-top: 8mm; }
  footer { margin-top: 8mm; font-size: 10pt; color: #333; text-align: right; }
</style>
</head>
<body>
<h1>${safeText(title)}</h1>
<table class="meta">
<tr><td>议题</td><td>${safeText(m.topicTitle)}</td></tr>
<tr><td>会议形式</td><td>${MEETING_FORM_LABELS[m.form].zh}</td></tr>
<tr><td>时间</td><td>${time}</td></tr>
<tr><td>地点</td><td>${safeText(m.place)}${m.office ? `（${safeText(m.office.name)}）` : ''}</td></tr>
<tr><td>邀请对象</td><td>${invited}</td></tr>
<tr><td>状态</td><td>${MEETING_STATUS_LABELS[m.status].zh}${m.heldAt ? `（${chinaTime(m.heldAt)} 记录）` : ''}${m.cancelReason ? `：${safeText(m.cancelReason)}` : ''}</td></tr>
</table>
<h2>参会人员（${m.attendees.length} 人）</h2>
<table>
<thead><tr><th>序号</th><th>姓名</th><th>类别</th><th>联系电话</th><th>签到方式</th></tr></thead>
<tbody>
${attendees}
</tbody>
</table>
<h2>讨论情况</h2>
<p class="minutes">${m.minutes ? safeText(m.minutes) : '<span class="none">尚未记录</span>'}</p>
<h2>议定事项</h2>
<p class="minutes">${m.decision ? safeText(m.decision) : '<span class="none">尚未决定</span>'}</p>
${optionTitle ? `<p><b>选定方案：</b>${safeText(optionTitle)}</p>` : ''}
<h2>签字</h2>
<div class="signatures">
${signatures}
</div>
<footer>打印时间：${chinaTime(printedAt.toISOString())}</footer>
</body>
</html>
`;
}
