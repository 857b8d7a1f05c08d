import { SignupForm } from '../../../ui/auth/signup-form';
import { getRequestDictionary } from '../../../ui/i18n/request-locale';
import { localizedTitle } from '../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.signup.pageTitle);

export default async function SignupPage() {
  const t = await getRequestDictionary();
  return (
    <section className="card card--narrow" aria-labelledby="signup-title">
      <h1 id="signup-title">{t.signup.title}</h1>
      <p className="muted">{t.signup.intro}</p>
      <SignupForm />
    </section>
  );
}
