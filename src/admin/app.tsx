/**
 * @module admin/app
 * `createAdminApp()`: the server-rendered admin pages as a Hono sub-app, mounted by the
 * service at `/admin`. Staff sign in with a token (kept in an HttpOnly cookie); a clerk sees
 * their own school only, the department and admins see all schools; applicants have no access.
 * Reading an application or one of its documents writes an audit record.
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { Calendar } from '../calendar/types.js';
import type { WorkflowRegistry } from '../definition/registry.js';
import { isReglamentError } from '../errors.js';
import { canSee } from '../http/auth/access.js';
import type { AuthKeys, Principal } from '../http/auth/token.js';
import type { PdfFonts } from '../pdf/fonts.js';
import type { AuditPort, Clock, NotifierPort } from '../ports/types.js';
import type { QualityRuleSet } from '../quality/types.js';
import type { Store } from '../store/types.js';
import { applicationRoutes } from './routes/application.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { qualityRoutes } from './routes/quality.js';
import { statsRoutes } from './routes/stats.js';
import { workflowRoutes } from './routes/workflows.js';
import { checkToken, endSession, requireSession, safeNext, startSession, type AdminVariables } from './session.js';
import { LoginPage } from './views/login.js';
import { MessagePage } from './views/message.js';

export interface AdminOptions {
  store: Store;
  calendar: Calendar;
  /** The same keys the API verifies bearer tokens with. */
  auth: AuthKeys;
  workflows: WorkflowRegistry;
  notifier: NotifierPort;
  audit: AuditPort;
  clock?: Clock;
  /** Where the app is mounted (links and the cookie path). Default '/admin'. */
  basePath?: string;
  /** PDF fonts; found on the system by default. */
  fonts?: PdfFonts;
  /** Largest journal export the quality page takes, bytes (read as a stream). Default 200 MiB. */
  journalLimitBytes?: number;
  /** The journal quality rules; default the regulation's. */
  qualityRules?: QualityRuleSet;
}

/** What every admin route gets. */
export interface AdminContext extends Required<Omit<AdminOptions, 'fonts' | 'journalLimitBytes' | 'qualityRules'>> {
  fonts: PdfFonts | undefined;
  /** The school a principal is limited to (a clerk's), or undefined for all schools. */
  schoolOf(principal: Principal): string | undefined;
  /** Fails with APPLICATION_NOT_FOUND unless the principal may see it. */
  visible: typeof canSee;
}

export type AdminEnv = { Variables: AdminVariables };

const systemClock: Clock = { now: () => new Date().toISOString() };

/**
 * Creates the admin sub-app.
 *
 * @example
 * app.route('/admin', createAdminApp({ store, calendar, auth: keys, workflows, notifier: ports.notifier, audit: ports.audit, clock }));
 */
export function createAdminApp(options: AdminOptions) {
  const base = (options.basePath ?? '/admin').replace(/\/$/, '');
  const ctx: AdminContext = {
    ...options,
    clock: options.clock ?? systemClock,
    basePath: base,
    fonts: options.fonts,
    schoolOf: (principal) => (principal.role === 'clerk' ? principal.school : undefined),
    visible: canSee,
  };
  const app = new Hono<AdminEnv>();

  app.onError(function adminError(error, c) {
    if (isReglamentError(error, 'APPLICATION_NOT_FOUND') || isReglamentError(error, 'WORKFLOW_NOT_FOUND')) {
      return c.html(<MessagePage base={base} principal={c.get('principal')} title="Не найдено" text="Такой страницы нет, или она вам недоступна." />, 404);
    }
    if (isReglamentError(error, 'INVALID_INPUT')) {
      return c.html(<MessagePage base={base} principal={c.get('principal')} title="Неверный запрос" text={error.message} />, 400);
    }
    throw error;
  });

  app.use(csrf());
  app.get('/login', (c) => c.html(<LoginPage base={base} next={safeNext(c.req.query('next'), base)} />));
  app.post('/login', async function login(c) {
    const form = await c.req.parseBody();
    const token = typeof form['token'] === 'string' ? form['token'] : '';
    const next = safeNext(typeof form['next'] === 'string' ? form['next'] : undefined, base);
    const result = await checkToken(token, options.auth);
    if (!result.ok) return c.html(<LoginPage base={base} next={next} error={result.reason} />, result.reason === 'not-staff' ? 403 : 401);
    startSession(c, token, base);
    return c.redirect(next, 303);
  });
  app.post('/logout', (c) => {
    endSession(c, base);
    return c.redirect(`${base}/login`, 303);
  });

  app.use('*', requireSession(options.auth, base));
  app.route('/', workflowRoutes(ctx));
  app.route('/', applicationRoutes(ctx));
  app.route('/', dashboardRoutes(ctx));
  app.route('/', statsRoutes(ctx));
  app.route('/', qualityRoutes(ctx, { calendar: ctx.calendar, clock: ctx.clock, maxBytes: options.journalLimitBytes ?? 200 * 1024 * 1024, ...(options.qualityRules ? { rules: options.qualityRules } : {}) }));
  // A mounted sub-app's notFound is not used by the parent, so unknown admin paths end here.
  app.all('*', (c: Context<AdminEnv>) => c.html(<MessagePage base={base} principal={c.get('principal')} title="Не найдено" text="Такой страницы нет." />, 404));
  return app;
}
