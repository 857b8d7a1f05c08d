import { getTranslations } from 'next-intl/server';
import { SignupForm } from '../../../ui/auth/signup-form';
import { Card } from '../../../ui/components/card';
import { localizedTitle } from '../../../ui/layout/page-title';

export const generateMetadata = localizedTitle((t) => t.signup.pageTitle);

export default async function SignupPage() {
  const t = await getTranslations('signup');
  return (
    <Card className="w-full max-w-md">
      <section aria-labelledby="signup-title">
        <h1 id="signup-title" className="mb-2">
          {t('title')}
        </h1>
        <p className="mb-6 text-muted">{t('intro')}</p>
        <SignupForm />
      </section>
    </Card>
  );
}
