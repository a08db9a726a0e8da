/**
 * The stdio transport's writer. The stock stream writer writes each message's header and body
 * in two writes with an await between them, so a client wakes twice per message and a push of
 * diagnostics costs two system calls; this one frames the message in one buffer and writes once.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from "vscode-languageserver/node";

export class FramedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly out: NodeJS.WritableStream) {
    super();
    out.on("error", (error: Error) => this.fireError(error));
    out.on("close", () => this.fireClose());
  }

  /** Writes in call order (a stream keeps the order of writes), so no lock is needed. */
  write(msg: Message): Promise<void> {
    const body = Buffer.from(JSON.stringify(msg), "utf8");
    const header = `Content-Length: ${body.byteLength}\r\n\r\n`;
    const frame = Buffer.allocUnsafe(header.length + body.byteLength);
    frame.write(header, 0, "ascii");
    body.copy(frame, header.length);
    return new Promise((resolve, reject) => {
      this.out.write(frame, (error) => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, msg, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.out.end();
  }
}
