import nodemailer from "nodemailer";
import { ConcordError } from "../core/concord-error.ts";

/** A plain-text e-mail to one recipient. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** Hands messages to a mail server; throws MailSendError (or MailNotConfiguredError) when it cannot. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** No SMTP server is configured: says which variable to set. */
export class MailNotConfiguredError extends ConcordError {
  readonly code = "MAIL_NOT_CONFIGURED";
  constructor() {
    super("no mail server configured: set CONCORD_SMTP_URL (smtp://host:port or smtps://user:password@host:port) to send invitations");
    this.name = "MailNotConfiguredError";
  }
}

/** The SMTP server refused the message or could not be reached. */
export class MailSendError extends ConcordError {
  readonly code = "MAIL_SEND";
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = "MailSendError";
  }
}

export interface SmtpSettings {
  /** `smtp://…` or `smtps://…` (config.smtpUrl); null = none configured. */
  readonly smtpUrl: string | null;
  /** The From header (config.mailFrom). */
  readonly mailFrom: string;
}

const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

/** The server part of an SMTP URL without credentials, for error messages. */
function smtpServerOf(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "the configured SMTP server";
  }
}

/**
 * Sends through the configured SMTP server with nodemailer (a fresh connection per message: invitations are few).
 * Without a configured server every send fails with MailNotConfiguredError, naming CONCORD_SMTP_URL.
 */
export function smtpMailSender(settings: SmtpSettings): MailSender {
  const { smtpUrl, mailFrom } = settings;
  return {
    async send(message: MailMessage): Promise<void> {
      if (smtpUrl === null) throw new MailNotConfiguredError();
      const transport = nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        greetingTimeout: CONNECTION_TIMEOUT_MS,
        socketTimeout: SOCKET_TIMEOUT_MS,
      });
      try {
        await transport.sendMail({ from: mailFrom, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new MailSendError(`sending through ${smtpServerOf(smtpUrl)} failed: ${reason}`, { cause: error });
      } finally {
        transport.close();
      }
    },
  };
}
