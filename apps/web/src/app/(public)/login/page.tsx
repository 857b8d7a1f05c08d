import { LoginForm } from '../../../ui/auth/login-form';
import { getRequestDictionary } from '../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.login.pageTitle);

export default async function LoginPage() {
  const t = await getRequestDictionary();
  return (
    <section className="card card--narrow" aria-labelledby="login-title">
      <h1 id="login-title">{t.login.title}</h1>
      <p className="muted">{t.login.intro}</p>
      <LoginForm />
    </section>
  );
}
