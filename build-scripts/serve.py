"""Serves a folder on 127.0.0.1 with the right MIME types for .mjs and .wasm (standard library only).

python3 build-scripts/serve.py DIR PORT [--csp]   --csp adds the strict Content-Security-Policy header.
"""
import functools
import http.server
import sys

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".ts": "text/plain",
        ".npy": "application/octet-stream",
    }
    csp = False

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    directory, port = sys.argv[1], int(sys.argv[2])
    Handler.csp = "--csp" in sys.argv
    handler = functools.partial(Handler, directory=directory)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {directory} at http://127.0.0.1:{port}/", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
