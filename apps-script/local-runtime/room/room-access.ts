// Who may use the room: the team token opens a browser session (an HttpOnly SameSite=Strict cookie); writes must come from the room's own pages.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The custom header the room's own scripts send with every write; a cross-site form or simple request cannot. */
export const ROOM_HEADER = 'x-annotera-room';

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

export class RoomAccess {
  /** Session id → the digest of the token it was opened with: a rotated token ends the sessions it opened. */
  private sessions = new Map<string, Buffer>();

  /** `token()` is the team token as it stands now (the settings dialog can rotate it). */
  constructor(private token: () => string, private port: () => number) {}

  /** Cookies are shared by every port of a host: the name carries the port so two rooms keep apart. */
  get cookieName(): string {
    return `annotera_room_${this.port()}`;
  }

  tokenMatches(candidate: string): boolean {
    return this.isCurrent(digest(candidate));
  }

  private isCurrent(candidate: Buffer): boolean {
    const token = this.token();
    return Boolean(token) && timingSafeEqual(candidate, digest(token));
  }

  /** A new session; the Set-Cookie value that makes the browser remember it until it closes. */
  open(): string {
    const id = randomBytes(32).toString('hex');
    this.sessions.set(id, digest(this.token()));
    return `${this.cookieName}=${id}; Path=/; HttpOnly; SameSite=Strict`;
  }

  hasSession(request: IncomingMessage): boolean {
    const pairs = (request.headers.cookie ?? '').split(';').map((part) => part.trim().split('='));
    return pairs.some(([name, value]) => {
      const opened = name === this.cookieName ? this.sessions.get(value ?? '') : undefined;
      return opened !== undefined && this.isCurrent(opened);
    });
  }

  /** The Host is this server by address or by name, so that a rebound DNS name cannot reach the room. */
  hostAllowed(request: IncomingMessage): boolean {
    return [`127.0.0.1:${this.port()}`, `localhost:${this.port()}`].includes(request.headers.host ?? '');
  }

  /** A write comes from the room's own page: the Origin is this server's and the custom header is there. */
  sameOrigin(request: IncomingMessage): boolean {
    return request.headers.origin === `http://${request.headers.host}` && request.headers[ROOM_HEADER] === '1';
  }
}
