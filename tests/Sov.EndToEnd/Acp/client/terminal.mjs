// Drives `sov acp` as an editor that offers its terminals (issue #18): terminal/create runs the command as asked (the
// editor's job: no sandbox) and every terminal/* request is recorded. Usage: node terminal.mjs MODE SOV_BINARY WORKSPACE
// -- SOV_ARGS...   MODE: "terminal" (the editor offers terminal: true) or "none" (it does not). Every permission
// question is answered "allow once" and recorded with its title. Prints one JSON object (what it saw) on stdout; exits 1
// with the reason on stderr when something fails. Every wait is bounded (WAIT_MS): nothing here can hang the test.
import { spawn } from "node:child_process";
import { Readable, Writable } from "node:stream";
import * as acp from "@agentclientprotocol/sdk";

const WAIT_MS = 60_000;
const [mode, binary, workspace, ...rest] = process.argv.slice(2);
const sovArgs = rest.slice(rest.indexOf("--") + 1);

const child = spawn(binary, ["acp", ...sovArgs], { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
let stderr = "";
child.stderr.on("data", (d) => (stderr += d));

const terminalRequests = [];
const permissionRequests = [];
const terminals = new Map();
let next = 0;

function bounded(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), WAIT_MS))),
  ]);
}

function record(method, params) {
  terminalRequests.push({ method, ...params });
}

const app = acp
  .client({ name: "sov-e2e-terminal" })
  .onNotification(acp.methods.client.session.update, () => {})
  .onRequest(acp.methods.client.session.requestPermission, ({ params }) => {
    permissionRequests.push({ title: params.toolCall?.title ?? "", kind: params.toolCall?.kind ?? "" });
    return { outcome: { outcome: "selected", optionId: "allow_once" } };
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

const stream = acp.ndJsonStream(Writable.toWeb(child.stdin), Readable.toWeb(child.stdout));
const report = { mode };

try {
  await app.connectWith(stream, async (ctx) => {
    await bounded(ctx.request(acp.methods.agent.initialize, {
      protocolVersion: acp.PROTOCOL_VERSION,
      clientCapabilities: { fs: { readTextFile: false, writeTextFile: false }, terminal: mode === "terminal" },
    }), "initialize");
    const session = await bounded(ctx.request(acp.methods.agent.session.new, { cwd: workspace, mcpServers: [] }), "session/new");
    report.sessionId = session.sessionId;
    const done = await bounded(ctx.request(acp.methods.agent.session.prompt, {
      sessionId: session.sessionId, prompt: [{ type: "text", text: "run the commands" }],
    }), "the prompt");
    report.stopReason = done.stopReason;
  });
} catch (e) {
  process.stderr.write(`terminal scenario ${mode} failed: ${e.stack ?? e}\n--- sov stderr ---\n${stderr}\n`);
  child.kill("SIGKILL");
  process.exit(1);
}

child.stdin.end();
report.exitCode = await bounded(new Promise((resolve) => child.on("exit", (c) => resolve(c))), "sov acp to exit after stdin closed");
report.terminalRequests = terminalRequests;
report.permissionRequests = permissionRequests;
report.stderr = stderr;
process.stdout.write(JSON.stringify(report) + "\n");
