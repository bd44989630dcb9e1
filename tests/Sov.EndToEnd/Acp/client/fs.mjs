// Drives `sov acp` as an editor that offers its own file system (issue #18): fs/read_text_file answers with unsaved
// buffers, fs/write_text_file keeps what it is given in the buffer (the disk is left as it is). Every fs/* request is
// recorded. Usage: node fs.mjs MODE SOV_BINARY WORKSPACE -- SOV_ARGS...   MODE: "fs" (the editor offers readTextFile
// and writeTextFile) or "disk" (it offers neither). Every permission question is answered "allow once".
// Prints one JSON object (what it saw) on stdout; exits 1 with the reason on stderr when something fails.
// Every wait is bounded (WAIT_MS): nothing here can hang the test.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Readable, Writable } from "node:stream";
import * as acp from "@agentclientprotocol/sdk";

const WAIT_MS = 60_000;
const [mode, binary, workspace, ...rest] = process.argv.slice(2);
const sovArgs = rest.slice(rest.indexOf("--") + 1);
const offersFs = mode === "fs";

const child = spawn(binary, ["acp", ...sovArgs], { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
let stderr = "";
child.stderr.on("data", (d) => (stderr += d));

// The editor's buffers: an unsaved one for buffer.txt; any other file as it is on disk.
const buffers = new Map([[`${workspace}/buffer.txt`, "UNSAVED BUFFER TEXT\n"]]);
const fsRequests = [];
const permissionRequests = [];
const updates = [];

function bounded(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), WAIT_MS))),
  ]);
}

const app = acp
  .client({ name: "sov-e2e-fs" })
  .onNotification(acp.methods.client.session.update, ({ params }) => updates.push(params.update))
  .onRequest(acp.methods.client.session.requestPermission, ({ params }) => {
    permissionRequests.push(params.toolCall?.title ?? "");
    return { outcome: { outcome: "selected", optionId: "allow_once" } };
  })
  .onRequest(acp.methods.client.fs.readTextFile, ({ params }) => {
    fsRequests.push({ method: "fs/read_text_file", path: params.path });
    if (buffers.has(params.path)) return { content: buffers.get(params.path) };
    return { content: readFileSync(params.path, "utf8") };
  })
  .onRequest(acp.methods.client.fs.writeTextFile, ({ params }) => {
    fsRequests.push({ method: "fs/write_text_file", path: params.path, content: params.content });
    buffers.set(params.path, params.content);
    return {};
  });

const stream = acp.ndJsonStream(Writable.toWeb(child.stdin), Readable.toWeb(child.stdout));
const report = { mode };

try {
  await app.connectWith(stream, async (ctx) => {
    await bounded(ctx.request(acp.methods.agent.initialize, {
      protocolVersion: acp.PROTOCOL_VERSION,
      clientCapabilities: { fs: { readTextFile: offersFs, writeTextFile: offersFs }, terminal: false },
    }), "initialize");
    const session = await bounded(ctx.request(acp.methods.agent.session.new, { cwd: workspace, mcpServers: [] }), "session/new");
    report.sessionId = session.sessionId;
    report.modes = session.modes;
    const done = await bounded(ctx.request(acp.methods.agent.session.prompt, {
      sessionId: session.sessionId, prompt: [{ type: "text", text: "use the files" }],
    }), "the prompt");
    report.stopReason = done.stopReason;
  });
} catch (e) {
  process.stderr.write(`fs scenario ${mode} failed: ${e.stack ?? e}\n--- sov stderr ---\n${stderr}\n`);
  child.kill("SIGKILL");
  process.exit(1);
}

child.stdin.end();
report.exitCode = await bounded(new Promise((resolve) => child.on("exit", (c) => resolve(c))), "sov acp to exit after stdin closed");
report.fsRequests = fsRequests;
report.permissionRequests = permissionRequests;
report.buffers = Object.fromEntries(buffers);
report.toolStatuses = updates.filter((u) => u.sessionUpdate === "tool_call_update").map((u) => [u.toolCallId, u.status]);
report.stderr = stderr;
process.stdout.write(JSON.stringify(report) + "\n");
