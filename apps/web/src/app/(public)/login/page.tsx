import { getTranslations } from 'next-intl/server';
import { LoginForm } from '../../../ui/auth/login-form';
import { Card } from '../../../ui/components/card';
import { localizedTitle } from '../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.login.pageTitle);

export default async function LoginPage() {
  const t = await getTranslations('login');
  return (
    <Card className="w-full max-w-md">
      <section aria-labelledby="login-title">
        <h1 id="login-title" className="mb-2">
          {t('title')}
        </h1>
        <p className="mb-6 text-muted">{t('intro')}</p>
        <LoginForm />
      </section>
    </Card>
  );
}
