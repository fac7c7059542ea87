/** English strings: ticket photos, escalation, triage routing and the reporter phone on the detail page, the notification bell. */
import type { ticketDetailZhCN } from './ticket-detail.zh-CN';
import type { Strings } from './strings';

export const ticketDetailEn: Strings<typeof ticketDetailZhCN> = {
  ticketPhotos: {
    title: 'Photos',
    report: 'Report photos',
    handle: 'Handling photos',
    none: 'No photos',
    alt: '{{stage}}, no. {{n}} (ticket {{code}})',
    upload: 'Upload {{stage}}',
    uploading: 'Uploading…',
    uploaded: 'Photo uploaded',
    hint: 'JPEG, PNG or WebP, at most {{mb}} MB each and {{max}} per kind',
    full: 'Limit of {{max}} reached',
  },
  ticketEscalate: {
    button: 'Secretary direct line',
    title: 'Secretary direct line · {{code}}',
    hint: 'Takes the ticket to the next reception day, where county and subdistrict leaders and the secretaries decide on it.',
    reason: 'Reason',
    reasonRequired: 'Please give the reason',
    submit: 'Submit',
    done: 'Escalated: on the reception day of {{day}} at {{place}}',
    doneUnscheduled: 'Escalated: waiting for the next reception day to be planned',
    pending: 'Escalated, waiting for the reception day’s decision',
    scheduledOn: 'On the reception day of {{day}}',
    unscheduled: 'Not scheduled yet (waiting for the next reception day)',
    reassignedTo: 'Now owned by {{name}}',
    deadlineTo: 'Deadline changed to {{date}}',
  },
  ticketRoute: {
    button: 'Route to a community',
    title: 'Route to a community · {{code}}',
    hint: 'A 12345 hotline or Open311 case that could not be placed waits here: choose its community (or a compound, building or stairwell below it) and it is assigned to that community’s commissioner at once.',
    node: 'Route to',
    nodeRequired: 'Choose a community or a place below it',
    reason: 'Note',
    done: 'Routed to {{node}}',
    doneAssigned: 'Routed to {{node}} and assigned to {{name}}',
    triageTag: 'Triage',
    triageOnly: 'Triage queue only',
    routedTo: 'From {{from}} to {{to}}',
  },
  ticketUnmask: {
    hint: "The reporter's phone is for calling them back only. Viewing it is recorded in the audit log: please give a reason.",
    call: 'Call the reporter on {{phone}}',
  },
  notifications: {
    title: 'Notifications',
    label: 'Notifications, {{count}} unread',
    empty: 'No notifications',
    markRead: 'Mark read',
    unread: 'Unread',
    viewTicket: 'Open ticket {{code}}',
  },
};
