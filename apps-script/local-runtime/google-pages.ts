// Pages Google's servers answer a web app's /exec with when the platform, not the add-on, fails; the runtime can be told to serve one.
import type { ServerResponse } from 'node:http';

/**
 * Written for these tests from Google's documented behaviour (not copied from Google): a deployment whose access is not
 * "Anyone" sends callers without a Google session to the sign-in page; a script that needs new permissions answers
 * "Authorization is required to perform that action."; an exception in doGet, including an exhausted quota ("Service
 * invoked too many times…"), comes back as an HTML error page with the message and its line; a deleted deployment answers
 * 404 "Sorry, unable to open the file at this time." Most of these arrive with status 200.
 */
export const GOOGLE_PAGE_NAMES = ['sign-in', 'authorisation', 'script-error', 'quota', 'not-found'] as const;
export type GooglePageName = (typeof GOOGLE_PAGE_NAMES)[number];

const errorPage = (message: string) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Error</title>
<style>body{margin:20px;font-family:Arial,sans-serif}.message{font-family:monospace;max-width:600px;margin:50px auto 0;text-align:center}</style>
</head><body><div><img alt="Google Apps Script" src="/static/apps-script-logo.png"></div>
<div class="message">${message}</div></body></html>`;

const SIGN_IN_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in - Google Accounts</title></head>
<body><form method="post" action="/v3/signin/identifier">
<h1>Sign in</h1><p>to continue to Google Apps Script</p>
<input type="email" name="identifier" id="identifierId" autocomplete="username" aria-label="Email or phone">
<button type="submit">Next</button></form>
<script>window.__signin = { flow: "ServiceLogin" };</script></body></html>`;

const PAGES: Record<Exclude<GooglePageName, 'sign-in'>, { status: number; html: string }> = {
  authorisation: { status: 200, html: errorPage('Authorization is required to perform that action.') },
  'script-error': {
    status: 200,
    html: errorPage('TypeError: Cannot read properties of null (reading &#39;getRange&#39;) (line 212, file &quot;Code&quot;)'),
  },
  quota: { status: 200, html: errorPage('Exception: Service invoked too many times for one day: properties. (line 88, file &quot;Code&quot;)') },
  'not-found': {
    status: 404,
    html: errorPage('Sorry, unable to open the file at this time.</div><div class="message">Please check the address and try again.'),
  },
};

const html = (response: ServerResponse, status: number, body: string) => {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(body);
};

/** A request handler that answers /exec with the named page (sign-in by way of a redirect to another host, as Google does); true when it answered. */
export function googlePageHandler(name: GooglePageName) {
  return (response: ServerResponse, url: URL): boolean => {
    if (name === 'sign-in' && url.pathname === '/ServiceLogin') {
      html(response, 200, SIGN_IN_PAGE);
      return true;
    }
    if (url.pathname !== '/exec') return false;
    if (name === 'sign-in') {
      const back = encodeURIComponent(`${url.origin}${url.pathname}${url.search}`);
      // To another host, as Google sends callers to accounts.google.com: a browser extension without permission for it cannot read the page.
      const otherHost = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
      response.writeHead(302, { location: `http://${otherHost}:${url.port}/ServiceLogin?service=wise&passive=1209600&continue=${back}` });
      response.end();
      return true;
    }
    html(response, PAGES[name].status, PAGES[name].html);
    return true;
  };
}
