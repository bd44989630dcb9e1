// Drives `sov acp` as an editor that offers its own file system (issue #18): fs/read_text_file answers with unsaved
// buffers, fs/write_text_file keeps what it is given in the buffer (the disk is left as it is). Every fs/* request is
// recorded. Usage: node fs.mjs MODE SOV_BINARY WORKSPACE -- SOV_ARGS...   MODE: "fs" (the editor offers readTextFile
// and writeTextFile) or "disk" (it offers neither). Every permission question is answered "allow once".
// Prints one JSON object (what it saw) on stdout; exits 1 with the reason on stderr when something fails.
// Every wait is bounded (editor.mjs): nothing here can hang the test.
import { readFileSync } from "node:fs";
import * as acp from "@agentclientprotocol/sdk";
import { promptOnce, startSov } from "./editor.mjs";

const sov = startSov();
const { mode, workspace } = sov;
const offersFs = mode === "fs";

// The editor's buffers: an unsaved one for buffer.txt; any other file as it is on disk.
const buffers = new Map([[`${workspace}/buffer.txt`, "UNSAVED BUFFER TEXT\n"]]);
const fsRequests = [];
const permissionRequests = [];
const updates = [];

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

const report = { mode };
await promptOnce(app, sov, { fs: { readTextFile: offersFs, writeTextFile: offersFs }, terminal: false }, "use the files", report);
report.fsRequests = fsRequests;
report.permissionRequests = permissionRequests;
report.buffers = Object.fromEntries(buffers);
report.toolStatuses = updates.filter((u) => u.sessionUpdate === "tool_call_update").map((u) => [u.toolCallId, u.status]);
process.stdout.write(JSON.stringify(report) + "\n");
