// Serves the fixture blog posts on 127.0.0.1, the originals under /blog/ and the web-archive copy under /web/<timestamp>/<original>.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';

const FIXTURES = new URL('../tests/fixtures/', import.meta.url);

export interface FixtureServer {
  url: string;
  server: Server;
  /** The address of a post: `post('nacka-kommun')`, or its web-archive copy with `archived`. */
  post(slug: string, archived?: boolean): string;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function startFixtureServer(port = 0, host = '127.0.0.1'): Promise<FixtureServer> {
  const posts = readdirSync(new URL('blog/', FIXTURES)).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const send = (status: number, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    };
    const blog = /^\/blog\/([\w-]+)\/?$/.exec(path);
    const archive = /^\/web\/\d{1,14}(?:[a-z]{2}_)?\/https?:\/+(?:www\.)?socialbarnungdom\.se\/kommunbesok\/([\w-]+)\/?$/.exec(path);
    try {
      if (blog && posts.includes(blog[1])) return send(200, readFileSync(new URL(`blog/${blog[1]}.html`, FIXTURES)));
      if (archive) return send(200, readFileSync(new URL(`blog-wayback/${archive[1]}.html`, FIXTURES)));
    } catch {
      return send(404, 'No archived copy of that post.');
    }
    if (path === '/') {
      const links = posts.map((slug) => `<li><a href="/blog/${slug}/">${escape(slug)}</a></li>`).join('');
      return send(200, `<!doctype html><meta charset="utf-8"><title>Annotera – fixture posts</title><h1>Fixture posts</h1><ul>${links}</ul><p><a href="/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/">nacka-kommun (web-archive copy)</a></p>`);
    }
    return send(404, 'Not found.');
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
      resolve({
        url,
        server,
        post: (slug, archived = false) => (archived ? `${url}/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/${slug}/` : `${url}/blog/${slug}/`),
        close: () => new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
