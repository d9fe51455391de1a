/**
 * The preview's web server, on 127.0.0.1 only: `/` is the guide's HTML page with a few lines of
 * script that reload it when the server says so (server-sent events on `/events`), and an overlay
 * listing what stops the guide from being built; `/guide.pdf` and `/guide.docx` are written on
 * request from the last guide that could be built.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatDiagnostic } from '../diagnostics/format.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { previewMessages as say } from '../messages/preview.js';
import { escapeHtml } from '../writers/html/escape.js';
import type { PreviewState } from './session.js';

/** What the server serves from: the session's last state, and its PDF and DOCX on request. */
export interface PreviewContent {
  state(): PreviewState;
  file(format: 'pdf' | 'docx'): Promise<Uint8Array | undefined>;
  /** A request could not be answered: the terminal says why, the browser gets a short page. */
  failed(error: unknown): void;
}

export interface PreviewServer {
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

/**
 * Reloads the page when the server says the guide changed, keeping the reader's place; the
 * server tells a page that connects late too, by the build number it was served at.
 */
function reloadScript(build: number): string {
  return `<script>(function(){var k="guide-preview-scroll",y=sessionStorage.getItem(k);if(y!==null){sessionStorage.removeItem(k);scrollTo(0,+y)}var e=new EventSource("/events?build=${build}");e.addEventListener("reload",function(){sessionStorage.setItem(k,String(scrollY));e.close();location.reload()})})()</script>`;
}

const overlayStyle =
  '#guide-preview-overlay{position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;margin:0;padding:1rem;background:#fff8f8;color:#1f1f1f;border-top:4px solid #b00020;box-shadow:0 -4px 16px rgba(0,0,0,.2);z-index:2147483647;font:14px/1.5 ui-monospace,Menlo,Consolas,"Noto Sans Mono CJK TC",monospace}#guide-preview-overlay h2{margin:0 0 .5rem;font:bold 16px/1.4 sans-serif;color:#b00020}#guide-preview-overlay pre{margin:0 0 1rem;white-space:pre-wrap;overflow-wrap:anywhere}';

/** The problems as text blocks in the page, each as the terminal prints it (file:line:col, code frame, hint). */
function overlay(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return '';
  const items = errors.map((d) => `<pre>${escapeHtml(formatDiagnostic(d, sources))}</pre>`).join('');
  return `<style>${overlayStyle}</style><section id="guide-preview-overlay" role="alert"><h2>${escapeHtml(say.overlayTitle())}</h2>${items}</section>`;
}

/** The page as served: the guide's HTML (or an empty page before any could be built), the overlay, the script. */
function previewPage(state: PreviewState, build: number): string {
  const extra = overlay(state.diagnostics, state.sources) + reloadScript(build);
  const html =
    state.html ??
    '<!DOCTYPE html>\n<html lang="zh-Hant-TW">\n<head><meta charset="utf-8"><title>guide preview</title></head>\n<body>\n</body>\n</html>\n';
  const at = html.lastIndexOf('</body>');
  return `${html.slice(0, at)}${extra}\n${html.slice(at)}`;
}

const fileTypes = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** Starts the server on 127.0.0.1 at `port` (0: a free one). */
export async function startPreviewServer(content: PreviewContent, port: number): Promise<PreviewServer> {
  const listeners = new Set<ServerResponse>();
  let build = 0;
  // Set once listening. Requests naming another host (a DNS-rebinding page) get nothing.
  let hosts = new Set<string>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!hosts.has(request.headers.host ?? '')) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`${say.wrongHost()}\n`);
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(previewPage(content.state(), build));
      return;
    }
    if (url.pathname === '/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write('retry: 500\n\n');
      // A page served before the last rebuild is out of date already.
      if (Number(url.searchParams.get('build')) !== build) response.write(`event: reload\ndata: ${build}\n\n`);
      listeners.add(response);
      request.on('close', () => listeners.delete(response));
      return;
    }
    const format = url.pathname === '/guide.pdf' ? 'pdf' : url.pathname === '/guide.docx' ? 'docx' : undefined;
    if (format !== undefined) {
      const bytes = await content.file(format);
      if (bytes === undefined) {
        response.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' }).end(`${say.nothingBuilt()}\n`);
        return;
      }
      response.writeHead(200, { 'content-type': fileTypes[format], 'cache-control': 'no-store' });
      response.end(bytes);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`${say.notFound()}\n`);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      content.failed(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${say.serverError()}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${address.port}`, `localhost:${address.port}`]);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    reload() {
      build += 1;
      for (const response of listeners) response.write(`event: reload\ndata: ${build}\n\n`);
    },
    async close() {
      for (const response of listeners) response.end();
      listeners.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
