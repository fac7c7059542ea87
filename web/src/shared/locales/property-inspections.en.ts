/** English strings: property-inspections (same keys as property-inspections.zh-CN). */
import type { propertyInspectionsZhCN } from './property-inspections.zh-CN';
import type { Strings } from './strings';

export const propertyInspectionsEn: Strings<typeof propertyInspectionsZhCN> = {
  inspections: {
    title: 'Steward inspections',
    description: "Red stewards' inspections of the property service recorded on phones (indicator, result, photos, location): evidence for the assessment period; a problem found can become a ticket.",
    filters: 'Filter inspections',
    tableRegion: 'Inspections table',
    compound: 'Compound',
    allCompounds: 'All compounds',
    severity: 'Result',
    allSeverities: 'All results',
    range: 'Inspection dates',
    createdAt: 'Inspected at',
    steward: 'Red steward',
    indicator: 'Indicator',
    finding: 'Finding',
    photos: 'Photos',
    photoAlt: 'Inspection photo {{n}} at {{compound}}',
    location: 'Location',
    ticket: 'Ticket',
    toTicket: 'Open ticket',
    toTicketFor: 'Open ticket: “{{indicator}}” finding at {{compound}}',
    ticketConfirm: 'File a "Property service" ticket at this compound for the community commissioner?',
    ticketed: 'Ticket {{code}} opened',
  },
};
