// What the editor scripts (fs.mjs, terminal.mjs; issue #18) share: start `sov acp`, run one prompt in one new session
// as an editor with the given capabilities, and end it. Every wait is bounded (WAIT_MS): nothing here can hang a test.
import { spawn } from "node:child_process";
import { Readable, Writable } from "node:stream";
import * as acp from "@agentclientprotocol/sdk";

export const WAIT_MS = 60_000;

export function bounded(promise, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), WAIT_MS))),
  ]);
}

/** Starts `sov acp` (argv: MODE SOV_BINARY WORKSPACE -- SOV_ARGS...); its stderr is collected. */
export function startSov() {
  const [mode, binary, workspace, ...rest] = process.argv.slice(2);
  const child = spawn(binary, ["acp", ...rest.slice(rest.indexOf("--") + 1)], { cwd: workspace, stdio: ["pipe", "pipe", "pipe"] });
  const sov = { mode, workspace, child, stderr: "" };
  child.stderr.on("data", (d) => (sov.stderr += d));
  return sov;
}

/**
 * Initializes with `clientCapabilities`, opens a session in the workspace, sends `text` as one prompt, then closes
 * stdin and waits for sov to exit. Fills report.sessionId, modes, stopReason and exitCode; on failure says why on
 * stderr and exits 1.
 */
export async function promptOnce(app, sov, clientCapabilities, text, report) {
  const stream = acp.ndJsonStream(Writable.toWeb(sov.child.stdin), Readable.toWeb(sov.child.stdout));
  try {
    await app.connectWith(stream, async (ctx) => {
      await bounded(ctx.request(acp.methods.agent.initialize, { protocolVersion: acp.PROTOCOL_VERSION, clientCapabilities }), "initialize");
      const session = await bounded(ctx.request(acp.methods.agent.session.new, { cwd: sov.workspace, mcpServers: [] }), "session/new");
      report.sessionId = session.sessionId;
      report.modes = session.modes;
      const done = await bounded(ctx.request(acp.methods.agent.session.prompt, {
        sessionId: session.sessionId, prompt: [{ type: "text", text }],
      }), "the prompt");
      report.stopReason = done.stopReason;
    });
  } catch (e) {
    process.stderr.write(`scenario ${sov.mode} failed: ${e.stack ?? e}\n--- sov stderr ---\n${sov.stderr}\n`);
    sov.child.kill("SIGKILL");
    process.exit(1);
  }

  sov.child.stdin.end();
  report.exitCode = await bounded(new Promise((resolve) => sov.child.on("exit", (c) => resolve(c))), "sov acp to exit after stdin closed");
  report.stderr = sov.stderr;
}
