/**
 * @module admin/views/layout
 * The frame of every admin page: the top bar with the sections the role may open, who is
 * signed in, and the page body. Server-rendered hono/jsx; no client script.
 */
import type { Child } from 'hono/jsx';
import type { Principal } from '../../http/auth/token.js';
import { styles } from './styles.js';

export type Section = 'workflows' | 'dashboard' | 'stats' | 'quality' | 'none';

export interface LayoutProps {
  title: string;
  base: string;
  principal?: Principal | undefined;
  section?: Section;
  children?: Child;
}

/** Russian names of the roles, as staff call them. */
export const roleNames: Record<string, string> = {
  applicant: 'заявитель',
  clerk: 'специалист школы',
  department: 'Управление образования',
  admin: 'администратор',
};

/**
 * Wraps a page.
 *
 * @example
 * c.html(<Layout title="Схемы" base="/admin" principal={principal} section="workflows">...</Layout>);
 */
export function Layout({ title, base, principal, section = 'none', children }: LayoutProps) {
  const current = (name: Section) => (section === name ? { 'aria-current': 'page' as const } : {});
  return (
    <html lang="ru">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — reglament`}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        <header class="top">
          <a class="brand" href={`${base}`}>
            reglament · муниципальные услуги
          </a>
          {principal && (
            <nav>
              <a href={`${base}`} {...current('workflows')}>
                Схемы услуг
              </a>
              <a href={`${base}/dashboard`} {...current('dashboard')}>
                Сводка
              </a>
              <a href={`${base}/stats`} {...current('stats')}>
                Статистика услуг
              </a>
              <a href={`${base}/quality`} {...current('quality')}>
                Качество журнала
              </a>
            </nav>
          )}
          {principal && (
            <div class="who">
              <span>
                {roleNames[principal.role] ?? principal.role}
                {principal.school ? ` · школа ${principal.school}` : ''} · {principal.sub}
              </span>
              <form method="post" action={`${base}/logout`}>
                <button type="submit">Выйти</button>
              </form>
            </div>
          )}
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
