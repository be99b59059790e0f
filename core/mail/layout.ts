/**
 * One layout for every email: a plain-text body and an HTML body from the same parts, with the call to action as
 * a link in both. Everything interpolated into the HTML is escaped.
 */
export type EmailContent = { subject: string; heading: string; paragraphs: string[]; action?: { label: string; url: string }; footer?: string };
export type RenderedEmail = { subject: string; text: string; html: string };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderEmail(c: EmailContent): RenderedEmail {
  const footer = c.footer ?? "Developer's corner";
  const text = [c.heading, "", ...c.paragraphs.flatMap((p) => [p, ""]), ...(c.action ? [`${c.action.label}: ${c.action.url}`, ""] : []), "—", footer].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;line-height:1.5">
<h1 style="font-size:20px">${escape(c.heading)}</h1>
${c.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${c.action ? `<p><a href="${escape(c.action.url)}" style="display:inline-block;background:#1f6feb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escape(c.action.label)}</a></p>\n<p style="font-size:12px;color:#475569">Or open ${escape(c.action.url)}</p>` : ""}
<p style="font-size:12px;color:#475569">— ${escape(footer)}</p>
</body></html>`;
  return { subject: c.subject, text, html };
}
