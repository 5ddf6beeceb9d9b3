/**
 * Every message Vouch sends (DESIGN §3, §5): who it is for, whether the recipient may turn it
 * off, whether it waits for a sensible local hour, and whether program channels (Slack, Teams)
 * hear about it. Required messages carry the process and are always sent; optional ones honour
 * each person's choice. Shared by the server (sending, preferences) and the web app (settings).
 */
export type NotificationAudience = 'user' | 'advocate';

export interface NotificationKindInfo {
  audience: NotificationAudience;
  /** Required process messages cannot be turned off. */
  required: boolean;
  /** Held until a working hour in the recipient's time zone (advocates; users have none yet). */
  localHours: boolean;
  /** Posted to Slack and Teams program channels too. */
  programEvent: boolean;
  label: string;
  description: string;
}

export const NOTIFICATION_KINDS = {
  'user.invitation': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Invitation', description: 'Your invitation to join Vouch.' },
  'request.submitted': { audience: 'user', required: false, localHours: false, programEvent: true, label: 'New request', description: 'A request reached the program team.' },
  'request.readiness_overridden': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Readiness override', description: 'The program team let your blocked request through, and why.' },
  'request.approval_requested': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Approval needed', description: 'A request to use one of your accounts needs your decision.' },
  'request.approval_reminder': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Approval reminder', description: 'An approval is waiting past its due time.' },
  'request.approval_escalated': { audience: 'user', required: true, localHours: false, programEvent: true, label: 'Approval escalated', description: 'A relationship owner has not answered in time.' },
  'request.owner_declined': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Owner declined', description: 'A relationship owner declined an advocate for your request.' },
  'request.advocate_accepted': { audience: 'user', required: true, localHours: false, programEvent: true, label: 'Advocate accepted', description: 'An advocate said yes to your request.' },
  'request.advocate_declined': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Advocate declined', description: 'An advocate said no to your request.' },
  'request.advocate_proposed': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Other dates proposed', description: 'An advocate offered other dates.' },
  'request.plan_b': { audience: 'user', required: true, localHours: false, programEvent: true, label: 'Plan B', description: 'Too few advocates are left on a request.' },
  'request.scheduled': { audience: 'user', required: true, localHours: false, programEvent: true, label: 'Scheduled', description: 'A reference conversation has a date (with a calendar invitation).' },
  'request.call_reminder': { audience: 'user', required: false, localHours: false, programEvent: false, label: 'Call reminder', description: 'A reminder the day before a reference conversation.' },
  'request.debrief_requested': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Debrief request', description: 'Tell us how the reference went, the business day after.' },
  'request.debrief_reminder': { audience: 'user', required: true, localHours: false, programEvent: false, label: 'Debrief reminder', description: 'One reminder when a debrief is still missing.' },
  'request.deadline_at_risk': { audience: 'user', required: true, localHours: false, programEvent: true, label: 'Deadline at risk', description: 'A request is close to its deadline with nothing scheduled.' },
  'request.redo_opened': { audience: 'user', required: false, localHours: false, programEvent: true, label: 'Redo opened', description: 'A reference did not meet the need and matching starts again.' },
  'request.loss_question': { audience: 'user', required: false, localHours: false, programEvent: false, label: 'Lost deal question', description: 'What happened on a lost deal that used references.' },
  'request.won': { audience: 'user', required: false, localHours: false, programEvent: true, label: 'Deal won', description: 'A deal that used references was won.' },
  'advocate.ask': { audience: 'advocate', required: true, localHours: true, programEvent: false, label: 'Requests for your help', description: 'When we ask whether you can help, with a link to answer.' },
  'advocate.scheduled': { audience: 'advocate', required: true, localHours: false, programEvent: false, label: 'Confirmed conversations', description: 'The date and a calendar invitation once a conversation is set.' },
  'advocate.call_reminder': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'Reminders', description: 'A reminder the day before a conversation.' },
  'advocate.debrief_requested': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'How did it go?', description: 'A short question after a conversation.' },
  'advocate.thank_you': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'Thank-you notes', description: 'Our thanks after you helped.' },
  'advocate.helped_win': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'Deals you helped win', description: 'When a deal you spoke for is won.' },
  'advocate.reverify': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'Profile check-ups', description: 'Once a year or so, a request to check that your profile is still right.' },
  'advocate.sign_in_link': { audience: 'advocate', required: true, localHours: false, programEvent: false, label: 'Sign-in links', description: 'The link you asked for to sign in to your page.' },
  'advocate.profile_update_decided': { audience: 'advocate', required: false, localHours: true, programEvent: false, label: 'Profile updates', description: 'Whether the program team accepted your profile changes.' },
} as const satisfies Record<string, NotificationKindInfo>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

export function notificationKindInfo(kind: NotificationKind): NotificationKindInfo {
  return NOTIFICATION_KINDS[kind];
}

/** The kinds a person of this audience may turn off, in catalogue order. */
export function optionalKinds(audience: NotificationAudience): NotificationKind[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter((k) => NOTIFICATION_KINDS[k].audience === audience && !NOTIFICATION_KINDS[k].required);
}

/** Whether a message of this kind goes to someone with these opt-outs. Required kinds always do. */
export function isWanted(kind: NotificationKind, optOuts: readonly string[]): boolean {
  return NOTIFICATION_KINDS[kind].required || !optOuts.includes(kind);
}
