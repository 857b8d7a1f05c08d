import { redirect } from 'next/navigation';
import { hasSessionCookie } from '../ui/session/has-session-cookie';

export default async function HomePage() {
  redirect((await hasSessionCookie()) ? '/today' : '/login');
}
