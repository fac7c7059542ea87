/**
 * The rates of closed-loop tickets the county reads (issue 4 · 7), with the one written
 * definition of each: the console shows these texts as tooltips and docs/ticket-rates.md
 * repeats them with the formulas. Zod-free so that browser code can import them.
 */

type Text = { zh: string; en: string };

/** How the rates are broken down. A month is the China month in which the ticket was reported. */
export const TICKET_RATE_GROUPINGS = ['community', 'commissioner', 'category', 'month'] as const;
export type TicketRateGrouping = (typeof TICKET_RATE_GROUPINGS)[number];
export const TICKET_RATE_GROUPING_LABELS: Record<TicketRateGrouping, Text> = {
  community: { zh: '按社区', en: 'By community' },
  commissioner: { zh: '按服务专员', en: 'By commissioner' },
  category: { zh: '按类别', en: 'By category' },
  month: { zh: '按月份', en: 'By month' },
};

/** Rates: a numerator over a denominator, both returned so a reader can check "45/50". */
export const TICKET_RATES = ['response', 'onTime', 'resolution', 'satisfaction', 'strictSatisfaction'] as const;
export type TicketRate = (typeof TICKET_RATES)[number];

/** Averages in hours, over the tickets they are counted on. */
export const TICKET_AVERAGES = ['hoursToAccept', 'hoursToClose'] as const;
export type TicketAverage = (typeof TICKET_AVERAGES)[number];

export const TICKET_RATE_COUNTS = ['reported', 'accepted', 'handled', 'closed', 'confirmed'] as const;
export type TicketRateCount = (typeof TICKET_RATE_COUNTS)[number];

export interface MeasureDefinition {
  name: Text;
  definition: Text;
}

/** Which tickets every figure is computed on. */
export const TICKET_RATES_COHORT: Text = {
  zh: '统计对象：所选范围内、在所选时段内（按中国日期）上报的工单；“当前”指统计时刻。',
  en: 'Computed on the tickets in the chosen area reported in the chosen period (China dates); "now" is the moment of computation.',
};

export const TICKET_RATE_DEFINITIONS: Record<TicketRate | TicketAverage, MeasureDefinition> = {
  response: {
    name: { zh: '及时响应率', en: 'Response rate' },
    definition: {
      zh: '上报后在该类别的响应时限（小时）内首次接单的工单数 ÷ 应接单的工单数。应接单：已接单的，或响应时限已过仍未接单的（计为未及时）；尚在响应时限内未接单的不计入。',
      en: "Tickets first accepted within their category's response limit (hours) after the report ÷ tickets that had to be accepted: those accepted, and those still not accepted once the limit has passed (counted as late). Tickets still inside the limit and not yet accepted are left out.",
    },
  },
  onTime: {
    name: { zh: '按期办结率', en: 'On-time rate' },
    definition: {
      zh: '在办理期限当时或之前办结的工单数 ÷ 应办结的工单数。应办结：已办结（已办结待确认、已确认、已关闭）的，以及已超期仍未办结的（计为超期）；未到期且未办结的不计入。被退回重办的工单以最后一次办结时间为准。',
      en: 'Tickets handled at or before their deadline ÷ tickets that had to be handled: those handled (handled, confirmed or closed), and open tickets past their deadline (counted as late). Open tickets not yet due are left out. A reopened ticket counts by its last handling.',
    },
  },
  resolution: {
    name: { zh: '问题解决率', en: 'Resolution rate' },
    definition: {
      zh: '关闭时结果为“已解决”的工单数 ÷ 已关闭的工单数。',
      en: 'Tickets closed as resolved ÷ tickets closed.',
    },
  },
  satisfaction: {
    name: { zh: '满意率', en: 'Satisfaction rate' },
    definition: {
      zh: '社区书记评价为“满意”或“基本满意”的工单数 ÷ 已评价的工单数。',
      en: "Tickets the community secretary rated satisfied or basically satisfied ÷ tickets rated.",
    },
  },
  strictSatisfaction: {
    name: { zh: '严格满意率（仅计“满意”）', en: 'Strict satisfaction rate' },
    definition: {
      zh: '社区书记评价为“满意”的工单数 ÷ 已评价的工单数（不含“基本满意”）。',
      en: 'Tickets the community secretary rated satisfied ÷ tickets rated (basically satisfied does not count).',
    },
  },
  hoursToAccept: {
    name: { zh: '平均接单时长', en: 'Average time to accept' },
    definition: {
      zh: '已接单工单从上报到首次接单的平均小时数。',
      en: 'Average hours from report to first acceptance, over the tickets accepted.',
    },
  },
  hoursToClose: {
    name: { zh: '平均关闭时长', en: 'Average time to close' },
    definition: {
      zh: '已关闭工单从上报到关闭的平均小时数。',
      en: 'Average hours from report to close, over the tickets closed.',
    },
  },
};

export const TICKET_RATE_COUNT_LABELS: Record<TicketRateCount, Text> = {
  reported: { zh: '上报', en: 'Reported' },
  accepted: { zh: '已接单', en: 'Accepted' },
  handled: { zh: '已办结', en: 'Handled' },
  closed: { zh: '已关闭', en: 'Closed' },
  confirmed: { zh: '已确认评价', en: 'Confirmed' },
};
