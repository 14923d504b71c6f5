/**
 * @module admin/views/message
 * A page that only says something: not found, no access.
 */
import type { Principal } from '../../http/auth/token.js';
import { Layout } from './layout.js';

/**
 * A short message page.
 *
 * @example
 * c.html(<MessagePage base="/admin" principal={p} title="Заявление не найдено" text="..." />, 404);
 */
export function MessagePage({ base, principal, title, text }: { base: string; principal?: Principal | undefined; title: string; text: string }) {
  return (
    <Layout title={title} base={base} principal={principal}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={base}>К схемам услуг</a>
      </p>
    </Layout>
  );
}
