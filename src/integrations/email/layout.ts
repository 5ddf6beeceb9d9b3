/** The shared e-mail frame: readable on a phone, plain HTML tables, no external assets. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export interface EmailFrame {
  orgName: string;
  color: string;
  preheader: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footnote?: string;
}

export function renderHtml(frame: EmailFrame): string {
  const paragraphs = frame.paragraphs.map((p) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`).join('');
  const action = frame.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(frame.action.url)}" style="background:${escapeHtml(frame.color)};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:600">${escapeHtml(frame.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#555">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(frame.action.url)}</span></p>`
    : '';
  const footnote = frame.footnote ? `<p style="margin:24px 0 0;font-size:12px;color:#666">${escapeHtml(frame.footnote)}</p>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(frame.orgName)}</title></head><body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1a1b1e"><span style="display:none">${escapeHtml(frame.preheader)}</span><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;border-top:4px solid ${escapeHtml(frame.color)}"><tr><td style="padding:24px"><p style="margin:0 0 20px;font-weight:700;font-size:18px">${escapeHtml(frame.orgName)} · Vouch</p>${paragraphs}${action}${footnote}</td></tr></table></td></tr></table></body></html>`;
}

export function renderText(frame: EmailFrame): string {
  const parts = [`${frame.orgName} · Vouch`, '', ...frame.paragraphs.flatMap((p) => [p, ''])];
  if (frame.action) parts.push(`${frame.action.label}: ${frame.action.url}`, '');
  if (frame.footnote) parts.push(frame.footnote);
  return parts.join('\n').trimEnd() + '\n';
}
