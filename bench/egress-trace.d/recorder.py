"""A recording OpenAI-compatible model on 127.0.0.1: answers "Hello." and logs every request (path, size)."""
import json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, log_file = sys.argv[1], sys.argv[2]


class Recorder(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _record(self, body):
        with open(log_file, "a") as f:
            f.write(json.dumps({"method": self.command, "path": self.path, "bytes": len(body),
                                "headers": len(str(self.headers))}) + "\n")

    def _send(self, status, ctype, payload):
        data = payload.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._record(b"")
        self._send(200, "application/json", json.dumps({"object": "list", "data": [{"id": "recorder", "object": "model"}]}))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._record(body)
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            req = {}
        now = int(time.time())
        usage = {"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}
        if self.path.endswith("/messages"):  # Anthropic-style clients
            self._send(200, "application/json", json.dumps({
                "id": "msg_1", "type": "message", "role": "assistant", "model": "recorder",
                "content": [{"type": "text", "text": "Hello."}], "stop_reason": "end_turn",
                "usage": {"input_tokens": 1, "output_tokens": 2}}))
            return
        if not req.get("stream"):
            self._send(200, "application/json", json.dumps({
                "id": "chatcmpl-1", "object": "chat.completion", "created": now, "model": "recorder",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello."}, "finish_reason": "stop"}],
                "usage": usage}))
            return
        chunks = [
            {"choices": [{"index": 0, "delta": {"role": "assistant", "content": "Hello."}, "finish_reason": None}]},
            {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
            {"choices": [], "usage": usage},
        ]
        payload = "".join("data: " + json.dumps({"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": now,
                                                  "model": "recorder", **c}) + "\n\n" for c in chunks) + "data: [DONE]\n\n"
        self._send(200, "text/event-stream", payload)


server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
