/**
 * @module admin/views/login
 * The sign-in form: paste a staff token. No password is kept by reglament; tokens come from
 * the municipality's identity system or, in development, from `npm start`.
 */
import { Layout } from './layout.js';

export interface LoginProps {
  base: string;
  next: string;
  error?: 'invalid' | 'not-staff' | undefined;
}

const errors = {
  invalid: 'Токен не подходит: он неверен или срок его действия истёк.',
  'not-staff': 'Эти страницы — для сотрудников школ и Управления образования. Заявителям они недоступны.',
};

/**
 * The login page.
 *
 * @example
 * c.html(<LoginPage base="/admin" next="/admin" />);
 */
export function LoginPage({ base, next, error }: LoginProps) {
  return (
    <Layout title="Вход" base={base}>
      <div class="card login">
        <h1>Вход для сотрудников</h1>
        <p class="muted">
          Вставьте токен доступа сотрудника. При запуске в режиме разработки (<span class="mono">npm start</span>) токены для каждой роли печатаются в консоли; их
          также выдаёт команда <span class="mono">reglament token --role department</span>.
        </p>
        {error && (
          <p class="error" role="alert">
            {errors[error]}
          </p>
        )}
        <form method="post" action={`${base}/login`}>
          <input type="hidden" name="next" value={next} />
          <label for="token">Токен доступа</label>
          <textarea id="token" name="token" required autocomplete="off" spellcheck={false}></textarea>
          <p>
            <button class="primary" type="submit">
              Войти
            </button>
          </p>
        </form>
      </div>
    </Layout>
  );
}
