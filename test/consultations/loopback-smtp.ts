import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the loopback server received it. */
export interface ReceivedMail {
  readonly envelopeFrom: string | null;
  readonly envelopeTo: string[];
  /** The raw RFC 5322 message. */
  readonly raw: string;
  readonly subject: string;
  /** The decoded plain-text body. */
  readonly text: string;
}

export interface LoopbackSmtp {
  /** `smtp://127.0.0.1:<port>`: what CONCORD_SMTP_URL would be. */
  readonly url: string;
  readonly messages: ReceivedMail[];
  /** Resolves with the next message addressed to this recipient (already received or still to come). */
  nextFor(recipient: string, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, "");
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const hex = text.slice(i + 1, i + 3);
    if (char === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** `=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=` encoded words of a header, decoded. */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_all, encoding: string, encoded: string) =>
    encoding.toUpperCase() === "B" ? Buffer.from(encoded, "base64").toString("utf8") : decodeQuotedPrintable(encoded.replace(/_/g, " ")),
  );
}

/** Splits a single-part message into its unfolded headers and decoded text body (what nodemailer sends for `text`). */
export function parseMail(raw: string): { subject: string; text: string; headers: Map<string, string> } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? "" : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text = encoding === "quoted-printable" ? decodeQuotedPrintable(body) : encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : body;
  return { subject: decodeHeader(headers.get("subject") ?? ""), text: text.replace(/\r\n/g, "\n"), headers };
}

/** A real SMTP server (the `smtp-server` package) on 127.0.0.1 at a random port: no TLS, no authentication, keeps every message. */
export async function startLoopbackSmtp(): Promise<LoopbackSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters: { recipient: string; resolve: (mail: ReceivedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const { subject, text } = parseMail(raw);
        const mailFrom = session.envelope.mailFrom;
        const mail: ReceivedMail = {
          envelopeFrom: mailFrom === false ? null : mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject,
          text,
        };
        messages.push(mail);
        for (const waiter of [...waiters]) {
          if (mail.envelopeTo.includes(waiter.recipient)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            waiter.resolve(mail);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    nextFor(recipient: string, timeoutMs = 5000): Promise<ReceivedMail> {
      const already = messages.find((m) => m.envelopeTo.includes(recipient));
      if (already !== undefined) {
        messages.splice(messages.indexOf(already), 1);
        return Promise.resolve(already);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail for ${recipient} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          recipient,
          resolve: (mail) => {
            clearTimeout(timer);
            messages.splice(messages.indexOf(mail), 1);
            resolve(mail);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The invitation link of a received invitation e-mail, and its token. */
export function invitationLinkIn(mail: ReceivedMail): { link: string; token: string } {
  const match = /(https?:\/\/\S+\/invitations\/([A-Za-z0-9_-]+))/.exec(mail.text);
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`no invitation link in:\n${mail.text}`);
  return { link: match[1], token: match[2] };
}
