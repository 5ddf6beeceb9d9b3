import { describe, expect, it } from 'vitest';
import { renderAdvocateAskEmail } from './advocate-ask-email.js';
import { renderApprovalRequestEmail } from './approval-request-email.js';
import { renderRequestUpdateEmail } from './request-update-email.js';

describe('request loop e-mails', () => {
  const ask = {
    orgName: 'Acme <Analytics>',
    color: '#123456',
    advocateFirstName: 'Dana',
    requesterLabel: 'Pat Seller (Sales)',
    approverName: 'Chris Owner',
    activityLabel: 'Reference call',
    context: 'Globex, a banking company in France',
    neededBy: '2026-12-15',
    topics: ['Security', 'Migration'],
    url: 'https://vouch.example.com/ask#token=abc_DEF-123',
    expiresAt: new Date('2026-12-08T00:00:00Z'),
  };

  it('asks the advocate with the context, the topics, one link and its expiry, escaped in HTML', () => {
    const email = renderAdvocateAskEmail(ask);
    expect(email.subject).toBe('Would you help Acme <Analytics> with a reference call?');
    expect(email.text).toContain('Pat Seller (Sales) at Acme <Analytics> asks whether you would take part in a reference call with Globex, a banking company in France, by 2026-12-15.');
    expect(email.text).toContain('Security, Migration');
    expect(email.text).toContain('Chris Owner, your contact at Acme <Analytics>, suggested you.');
    expect(email.text).toContain('See the request and answer: https://vouch.example.com/ask#token=abc_DEF-123');
    expect(email.text).toContain('Tue, 08 Dec 2026');
    expect(email.html).toContain('href="https://vouch.example.com/ask#token=abc_DEF-123"');
    expect(email.html).not.toContain('<Analytics>');
  });

  it('leaves out the topics and the approver when there are none', () => {
    const email = renderAdvocateAskEmail({ ...ask, topics: [], approverName: null });
    expect(email.text).not.toContain('hear about');
    expect(email.text).not.toContain('suggested you');
  });

  it('asks the owner to approve by a due date, and tells the requester what changed', () => {
    const approval = renderApprovalRequestEmail({
      orgName: 'Acme',
      color: '#123456',
      ownerName: 'Chris',
      requesterName: 'Pat',
      advocateName: 'Dana Jones',
      accountName: 'Globex',
      activityLabel: 'Site visit',
      forWhat: 'Initech, a retail company in Spain',
      neededBy: '2027-01-20',
      dueAt: new Date('2026-12-10T17:00:00Z'),
      url: 'https://vouch.example.com/approvals',
    });
    expect(approval.subject).toBe('Approval needed: Dana Jones (Globex) for a site visit');
    expect(approval.text).toContain('approve or decline by Thu, 10 Dec 2026 17:00:00 GMT');
    const update = renderRequestUpdateEmail({ orgName: 'Acme', color: '#123456', recipientName: 'Pat', requestLabel: 'R-7', headline: 'Dana accepted', paragraphs: ['Schedule it.'], url: 'https://vouch.example.com/requests/x' });
    expect(update.subject).toBe('R-7: Dana accepted');
    expect(update.text).toContain('Open R-7: https://vouch.example.com/requests/x');
  });
});
