// Drives `sov acp` (the published binary) with the official ACP TypeScript client library, @agentclientprotocol/sdk
// (issue #18). Usage: node scenario.mjs SCENARIO SOV_BINARY WORKSPACE [SESSION_ID] -- SOV_ARGS...
// SCENARIO: "main" (initialize, new session, errors, a prompt with a diff and a permission rejected then allowed,
// cancel mid-turn, a second prompt while one runs, set mode) or "load" (load SESSION_ID, replayed history).
// Prints one JSON object (what it saw) on stdout; exits 1 with the reason on stderr when a check fails.
// Every wait is bounded (WAIT_MS): nothing here can hang the test.
import { spawn } from "node:child_process";
import { Readable, Writable } from "node:stream";
import assert from "node:assert/strict";
import * as acp from "@agentclientprotocol/sdk";

const WAIT_MS = 30_000;
const [scenario, binary, workspace, ...rest] = process.argv.slice(2);
const dash = rest.indexOf("--");
const loadId = dash > 0 ? rest[0] : undefined;
const sovArgs = dash >= 0 ? rest.slice(dash + 1) : [];

// SOV_ACP_WRAP (JSON array): a command to run sov under, e.g. strace with its options and "--".
const wrap = process.env.SOV_ACP_WRAP ? JSON.parse(process.env.SOV_ACP_WRAP) : [];
const command = [...wrap, binary, "acp", ...sovArgs];
const child = spawn(command[0], command.slice(1), { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
// Everything sov writes on stdout, kept to check that it is JSON-RPC and nothing else.
let stdout = "";
child.stdout.on("data", (d) => (stdout += d));
let stderr = "";
child.stderr.on("data", (d) => (stderr += d));
const updates = [];
const waiters = [];
const permissionAnswers = scenario === "main" ? ["reject_once", "allow_once"] : [];
const permissionRequests = [];

function waitFor(predicate, what) {
  const found = updates.find(predicate);
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), WAIT_MS);
    waiters.push({ predicate, resolve: (u) => (clearTimeout(timer), resolve(u)) });
  });
}

function bounded(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), WAIT_MS))),
  ]);
}

async function expectError(promise, code, what) {
  try {
    await bounded(promise, what);
  } catch (e) {
    assert.equal(e.code, code, `${what}: expected error ${code}, got ${e.code} ${e.message}`);
    return { code: e.code, message: e.message };
  }
  assert.fail(`${what}: expected error ${code}, got a result`);
}

const app = acp
  .client({ name: "sov-e2e" })
  .onNotification(acp.methods.client.session.update, ({ params }) => {
    updates.push(params);
    for (const w of [...waiters]) {
      if (w.predicate(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  })
  .onRequest(acp.methods.client.session.requestPermission, ({ params }) => {
    permissionRequests.push(params);
    const optionId = permissionAnswers.shift() ?? "reject_once";
    return { outcome: { outcome: "selected", optionId } };
  });

const stream = acp.ndJsonStream(Writable.toWeb(child.stdin), Readable.toWeb(child.stdout));
const kind = (u) => u.update.sessionUpdate;
const report = { scenario };

try {
  await app.connectWith(stream, async (ctx) => {
    const init = await bounded(ctx.request(acp.methods.agent.initialize, {
      protocolVersion: acp.PROTOCOL_VERSION,
      clientCapabilities: { fs: { readTextFile: false, writeTextFile: false }, terminal: false },
    }), "initialize");
    assert.equal(init.protocolVersion, 1);
    assert.equal(init.agentCapabilities.loadSession, true);
    assert.equal(init.agentCapabilities.promptCapabilities.embeddedContext, true);
    report.initialize = init;
    await bounded(ctx.request(acp.methods.agent.authenticate, { methodId: "none" }), "authenticate");

    if (scenario === "load") {
      const loaded = await bounded(ctx.request(acp.methods.agent.session.load, { sessionId: loadId, cwd: workspace, mcpServers: [] }), "session/load");
      report.loadModes = loaded.modes;
      report.replayed = updates.map((u) => ({ kind: kind(u), text: u.update.content?.text, title: u.update.title, status: u.update.status }));
      assert.ok(updates.every((u) => u.sessionId === loadId), "every replayed update names the loaded session");
      return;
    }

    const session = await bounded(ctx.request(acp.methods.agent.session.new, { cwd: workspace, mcpServers: [] }), "session/new");
    const sessionId = session.sessionId;
    report.sessionId = sessionId;
    report.modes = session.modes;

    report.unknownMethod = await expectError(ctx.request("sovereign/no_such_method", {}), -32601, "unknown method");
    report.unknownSession = await expectError(
      ctx.request(acp.methods.agent.session.prompt, { sessionId: "no-such-session", prompt: [{ type: "text", text: "hi" }] }), -32002, "prompt for an unknown session");

    // A prompt that streams text and a write (a diff) asked twice: rejected, then allowed.
    const first = await bounded(ctx.request(acp.methods.agent.session.prompt, { sessionId, prompt: [{ type: "text", text: "write notes" }] }), "first prompt");
    report.firstStop = first.stopReason;
    report.firstUpdates = updates.map((u) => u.update);
    report.permissionRequests = permissionRequests;

    // Cancel in the middle of a turn; a second prompt while it runs is refused.
    const mark = updates.length;
    const running = ctx.request(acp.methods.agent.session.prompt, { sessionId, prompt: [{ type: "text", text: "a long task" }] });
    await waitFor((u) => updates.indexOf(u) >= mark && kind(u) === "agent_message_chunk", "the long task's first chunk");
    report.secondPrompt = await expectError(
      ctx.request(acp.methods.agent.session.prompt, { sessionId, prompt: [{ type: "text", text: "another" }] }), -32600, "second prompt while one runs");
    await ctx.notify(acp.methods.agent.session.cancel, { sessionId });
    const cancelled = await bounded(running, "cancelled prompt");
    report.cancelStop = cancelled.stopReason;

    await bounded(ctx.request(acp.methods.agent.session.setMode, { sessionId, modeId: "read-only" }), "set_mode read-only");
    report.badMode = await expectError(ctx.request(acp.methods.agent.session.setMode, { sessionId, modeId: "yolo" }), -32602, "set_mode to an unknown mode");
  });
} catch (e) {
  process.stderr.write(`scenario ${scenario} failed: ${e.stack ?? e}\n--- sov stderr ---\n${stderr}\n`);
  child.kill("SIGKILL");
  process.exit(1);
}

child.stdin.end();
const code = await bounded(new Promise((resolve) => child.on("exit", (c) => resolve(c))), "sov acp to exit after stdin closed");
report.exitCode = code;
const lines = stdout.split("\n").filter((l) => l.length > 0);
for (const line of lines) {
  const message = JSON.parse(line);
  assert.equal(message.jsonrpc, "2.0", `not a JSON-RPC message on stdout: ${line}`);
  assert.ok(/^[\x20-\x7e]*$/.test(line), `stdout line is not printable ASCII: ${line}`);
}
report.stdoutLines = lines.length;
assert.ok(stdout.length === 0 || stdout.endsWith("\n"), "stdout ends with a whole line");
report.stderr = stderr;
process.stdout.write(JSON.stringify(report) + "\n");
