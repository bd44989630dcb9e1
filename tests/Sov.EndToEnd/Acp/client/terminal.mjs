// Drives `sov acp` as an editor that offers its terminals (issue #18): terminal/create runs the command as asked (the
// editor's job: no sandbox) and every terminal/* request is recorded. Usage: node terminal.mjs MODE SOV_BINARY WORKSPACE
// -- SOV_ARGS...   MODE: "terminal" (the editor offers terminal: true), "reject" (it offers it, and rejects every
// permission question) or "none" (it offers none). Every permission question is recorded with its title and, but in
// "reject", answered "allow once". Prints one JSON object (what it saw) on stdout; exits 1
// with the reason on stderr when something fails. Every wait is bounded (editor.mjs): nothing here can hang the test.
import { spawn } from "node:child_process";
import * as acp from "@agentclientprotocol/sdk";
import { promptOnce, startSov } from "./editor.mjs";

const sov = startSov();
const { mode, workspace } = sov;

const terminalRequests = [];
const permissionRequests = [];
const terminals = new Map();
let next = 0;

function record(method, params) {
  terminalRequests.push({ method, ...params });
}

const app = acp
  .client({ name: "sov-e2e-terminal" })
  .onNotification(acp.methods.client.session.update, () => {})
  .onRequest(acp.methods.client.session.requestPermission, ({ params }) => {
    permissionRequests.push({ title: params.toolCall?.title ?? "", kind: params.toolCall?.kind ?? "" });
    return { outcome: { outcome: "selected", optionId: mode === "reject" ? "reject_once" : "allow_once" } };
  })
  .onRequest(acp.methods.client.terminal.create, ({ params }) => {
    record("terminal/create", { command: params.command, args: params.args, env: params.env, cwd: params.cwd, outputByteLimit: params.outputByteLimit });
    const id = `term-${++next}`;
    const env = Object.fromEntries((params.env ?? []).map((v) => [v.name, v.value]));
    const proc = spawn(params.command, params.args ?? [], { cwd: params.cwd ?? workspace, env, stdio: ["ignore", "pipe", "pipe"] });
    const term = { output: "", exit: null };
    proc.stdout.on("data", (d) => (term.output += d));
    proc.stderr.on("data", (d) => (term.output += d));
    term.exited = new Promise((resolve) => proc.on("close", (code, signal) => resolve((term.exit = { exitCode: code, signal }))));
    term.proc = proc;
    terminals.set(id, term);
    return { terminalId: id };
  })
  .onRequest(acp.methods.client.terminal.waitForExit, async ({ params }) => {
    record("terminal/wait_for_exit", { terminalId: params.terminalId });
    return await terminals.get(params.terminalId).exited;
  })
  .onRequest(acp.methods.client.terminal.output, ({ params }) => {
    record("terminal/output", { terminalId: params.terminalId });
    const term = terminals.get(params.terminalId);
    return { output: term.output, truncated: false, exitStatus: term.exit };
  })
  .onRequest(acp.methods.client.terminal.kill, ({ params }) => {
    record("terminal/kill", { terminalId: params.terminalId });
    terminals.get(params.terminalId).proc.kill("SIGKILL");
    return {};
  })
  .onRequest(acp.methods.client.terminal.release, ({ params }) => {
    record("terminal/release", { terminalId: params.terminalId });
    const term = terminals.get(params.terminalId);
    if (term.exit === null) term.proc.kill("SIGKILL");
    return {};
  });

const report = { mode };
await promptOnce(app, sov, { fs: { readTextFile: false, writeTextFile: false }, terminal: mode !== "none" }, "run the commands", report);
report.terminalRequests = terminalRequests;
report.permissionRequests = permissionRequests;
process.stdout.write(JSON.stringify(report) + "\n");
