import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import type { NotificationMessage, ResponseMessage } from "vscode-languageserver/node";
import { FramedMessageWriter } from "../../src/server/transport";

function recorder(): { out: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(chunk);
      done();
    },
  });
  return { out, writes };
}

test("each message is written once, header and body together, with the body's byte length", async () => {
  const { out, writes } = recorder();
  const writer = new FramedMessageWriter(out);
  const message: NotificationMessage = { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///ws/数据.md", diagnostics: [] } };
  await writer.write(message);
  const body = JSON.stringify(message);
  assert.deepEqual(
    writes.map((w) => w.toString("utf8")),
    [`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`],
  );
});

test("messages written back to back arrive in call order", async () => {
  const { out, writes } = recorder();
  const writer = new FramedMessageWriter(out);
  const responses: ResponseMessage[] = [1, 2, 3].map((id) => ({ jsonrpc: "2.0", id, result: null }));
  await Promise.all(responses.map((r) => writer.write(r)));
  assert.deepEqual(writes.map((w) => JSON.parse(w.toString("utf8").split("\r\n\r\n")[1]!).id), [1, 2, 3]);
});
