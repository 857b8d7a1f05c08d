import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { signUpClinic, strongPassword } from '../../../testing/api-client';
import { useTestApp } from '../../../testing/start-test-app';

const { api, testApp } = useTestApp({ AUTH_LOGIN_MAX_FAILURES: '3' });

describe('POST /auth/signup', () => {
  it('should create a clinic and its admin and return a working session', async () => {
    const { session } = await signUpClinic(api, 'Signup');
    expect(session).toMatchObject({
      user: { role: 'admin', name: 'Dr. Admin' },
      clinic: { name: expect.stringMatching(/^Signup /) },
      expiresIn: 900,
    });
    expect(session.refreshToken).toEqual(expect.any(String));
    const me = await api.get('/api/v1/me', session.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ user: session.user, clinic: session.clinic });
  });

  it('should refuse a second account with the same email, in any letter case', async () => {
    const { email } = await signUpClinic(api);
    const again = await api.post('/api/v1/auth/signup', {
      clinicName: 'Other',
      name: 'Someone',
      email: email.toUpperCase(),
      password: strongPassword,
    });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ pointer: '/email', code: 'email_taken' })]);
  });

  it('should list every invalid field and create nothing', async () => {
    const email = `bad-${Date.now()}@example.test`;
    const response = await api.post('/api/v1/auth/signup', {
      clinicName: '',
      name: 'X',
      email,
      password: 'short',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.body.errors.map((error: { pointer: string }) => error.pointer).sort()).toEqual([
      '/clinicName',
      '/password',
    ]);
    const login = await api.post('/api/v1/auth/login', { email, password: 'short' });
    expect(login.status).toBe(401);
  });

  it('should refuse a password from the common-password list, even padded with digits', async () => {
    for (const password of ['qwerty123456', 'Password2024!']) {
      const email = `common-${randomUUID()}@example.test`;
      const response = await api.post('/api/v1/auth/signup', { clinicName: 'C', name: 'N', email, password });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ pointer: '/password', detail: expect.stringMatching(/too common/) }),
      ]);
      expect((await api.post('/api/v1/auth/login', { email, password })).status).toBe(401);
    }
  });
});

describe('POST /auth/login', () => {
  it('should sign in with the right password and set httpOnly cookies', async () => {
    const { email } = await signUpClinic(api);
    const response = await api.post('/api/v1/auth/login', {
      email: email.toUpperCase(),
      password: strongPassword,
    });
    expect(response.status).toBe(200);
    expect(response.body.user.email).toBe(email);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((cookie) => cookie.startsWith('hc_access='))).toMatch(/HttpOnly/);
    expect(cookies.find((cookie) => cookie.startsWith('hc_access='))).toMatch(/SameSite=Lax/);
    expect(cookies.find((cookie) => cookie.startsWith('hc_refresh='))).toMatch(
      /Path=\/api\/v1\/auth.*HttpOnly/,
    );
    expect(cookies.find((cookie) => cookie.startsWith('hc_csrf='))).not.toMatch(/HttpOnly/);
  });

  it('should answer 401 with the same message for an unknown email and a wrong password', async () => {
    const { email } = await signUpClinic(api);
    const wrongPassword = await api.post('/api/v1/auth/login', {
      email,
      password: 'not the password at all',
    });
    const unknownEmail = await api.post('/api/v1/auth/login', {
      email: `nobody-${Date.now()}@x.test`,
      password: 'whatever',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
  });

  it('should lock the account with 429 and Retry-After after repeated failures', async () => {
    const { email } = await signUpClinic(api);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await api.post('/api/v1/auth/login', { email, password: 'wrong password!' })).status).toBe(401);
    }
    const locked = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(locked.body.type).toBe('urn:healthcare:problem:rate-limited');
  });
});

describe('POST /auth/refresh', () => {
  it('should rotate the refresh token and return a working access token', async () => {
    const { session } = await signUpClinic(api);
    const refreshed = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(session.refreshToken);
    expect((await api.get('/api/v1/me', refreshed.body.accessToken)).status).toBe(200);
  });

  it('should revoke the whole family when a rotated token is used again', async () => {
    const { session } = await signUpClinic(api);
    const first = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    const second = await api.post('/api/v1/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);

    const reuse = await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect(reuse.status).toBe(401);
    // The newest token of the family, never used, is now dead too.
    const newest = await api.post('/api/v1/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(newest.status).toBe(401);
  });

  it('should leave other sessions of the same user alive when one family is revoked', async () => {
    const { email, session } = await signUpClinic(api);
    const other = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken });
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(
      200,
    );
  });

  it('should let exactly one of two concurrent refreshes with the same token win', async () => {
    const { session } = await signUpClinic(api);
    const results = await Promise.all([
      api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken }),
      api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 401]);
  });

  it('should answer 401 for an unknown token and 400 for a malformed body', async () => {
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: 42 })).status).toBe(400);
    expect((await api.post('/api/v1/auth/refresh', {})).status).toBe(401);
  });
});

describe('POST /auth/logout', () => {
  it('should revoke the refresh token and clear the cookies', async () => {
    const { session } = await signUpClinic(api);
    const logout = await api.post(
      '/api/v1/auth/logout',
      { refreshToken: session.refreshToken },
      session.accessToken,
    );
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().every((cookie) => cookie.includes('Max-Age=0'))).toBe(true);
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('should succeed when already logged out', async () => {
    expect((await api.post('/api/v1/auth/logout', {})).status).toBe(204);
  });
});

describe('access tokens', () => {
  const forge = (header: Record<string, unknown>, payload: Record<string, unknown>, signature = '') =>
    [header, payload].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
    `.${signature}`;

  it('should reject a missing, malformed or non-bearer credential with 401 problem+json', async () => {
    expect((await api.get('/api/v1/me')).status).toBe(401);
    expect((await api.get('/api/v1/me', 'not-a-jwt')).status).toBe(401);
    const basic = await api.call('GET', '/api/v1/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(basic.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('should reject an alg:none token', async () => {
    const { session } = await signUpClinic(api);
    const claims = {
      sub: session.user.id,
      cid: session.clinic.id,
      role: 'admin',
      iss: 'healthcare',
      aud: 'healthcare-api',
    };
    const token = forge(
      { alg: 'none', typ: 'at+jwt', kid: 'main' },
      { ...claims, exp: Math.floor(Date.now() / 1000) + 600 },
    );
    expect((await api.get('/api/v1/me', token)).status).toBe(401);
  });

  it('should reject a tampered token (role raised to admin by a staff member)', async () => {
    const { token: adminToken } = await signUpClinic(api);
    const email = `staff-${Date.now()}@example.test`;
    await api.post(
      '/api/v1/users',
      { name: 'Staff', email, password: strongPassword, role: 'staff' },
      adminToken,
    );
    const staff = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    const [header, payload, signature] = staff.body.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = [
      header,
      Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url'),
      signature,
    ].join('.');
    expect((await api.get('/api/v1/me', tampered)).status).toBe(401);
  });

  it('should reject an expired token, one signed by another key, and one with an unknown kid', async () => {
    const { session } = await signUpClinic(api);
    const claims = { cid: session.clinic.id, role: 'admin' };
    const sign = (key: ReturnType<typeof createPrivateKey>, kid: string, expiresAt: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
        .setSubject(session.user.id)
        .setIssuer('healthcare')
        .setAudience('healthcare-api')
        .setIssuedAt(expiresAt - 900)
        .setExpirationTime(expiresAt)
        .sign(key);
    const ourKey = createPrivateKey(testApp().app.config.auth.signingKey!.privateKeyPem);
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    const now = Math.floor(Date.now() / 1000);

    expect((await api.get('/api/v1/me', await sign(ourKey, 'main', now + 600))).status).toBe(200);
    expect((await api.get('/api/v1/me', await sign(ourKey, 'main', now - 60))).status).toBe(401);
    expect((await api.get('/api/v1/me', await sign(otherKey, 'main', now + 600))).status).toBe(401);
    expect((await api.get('/api/v1/me', await sign(ourKey, 'retired', now + 600))).status).toBe(401);
  });
});

describe('cookie sessions', () => {
  const cookieHeader = (setCookies: string[]) => setCookies.map((cookie) => cookie.split(';')[0]).join('; ');

  it('should authenticate reads by cookie and require the CSRF header on mutations', async () => {
    const { email } = await signUpClinic(api);
    const login = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    const cookie = cookieHeader(login.headers.getSetCookie());
    const csrf = /hc_csrf=([^;]+)/.exec(cookie)![1]!;
    const patient = { name: 'Cookie Patient', birthDate: '1990-01-01', sex: 'female' };

    expect((await api.call('GET', '/api/v1/me', { headers: { cookie } })).status).toBe(200);
    const withoutCsrf = await api.call('POST', '/api/v1/patients', { body: patient, headers: { cookie } });
    expect(withoutCsrf.status).toBe(403);
    const wrongCsrf = await api.call('POST', '/api/v1/patients', {
      body: patient,
      headers: { cookie, 'x-csrf-token': 'guess' },
    });
    expect(wrongCsrf.status).toBe(403);
    const withCsrf = await api.call('POST', '/api/v1/patients', {
      body: patient,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(withCsrf.status).toBe(201);
  });

  it('should refresh from the cookie only with the CSRF header', async () => {
    const { email } = await signUpClinic(api);
    const login = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    const cookie = cookieHeader(login.headers.getSetCookie());
    const csrf = /hc_csrf=([^;]+)/.exec(cookie)![1]!;
    expect((await api.call('POST', '/api/v1/auth/refresh', { body: {}, headers: { cookie } })).status).toBe(
      403,
    );
    const refreshed = await api.call('POST', '/api/v1/auth/refresh', {
      body: {},
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers.getSetCookie().some((setCookie) => setCookie.startsWith('hc_refresh='))).toBe(
      true,
    );
  });

  it('should still reach login when the browser presents an expired access cookie', async () => {
    const { email } = await signUpClinic(api);
    const response = await api.call('POST', '/api/v1/auth/login', {
      body: { email, password: strongPassword },
      headers: { cookie: 'hc_access=expired.garbage.token' },
    });
    expect(response.status).toBe(200);
  });
});

describe('POST /users', () => {
  it('should let an admin add a clinician who can then sign in to the same clinic', async () => {
    const { token, session } = await signUpClinic(api);
    const email = `clinician-${Date.now()}@example.test`;
    const created = await api.post(
      '/api/v1/users',
      { name: 'Dr. Clinician', email, password: strongPassword, role: 'clinician' },
      token,
    );
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email, role: 'clinician', clinicId: session.clinic.id });
    expect(created.body.user).not.toHaveProperty('passwordHash');
    const login = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    expect(login.body.clinic.id).toBe(session.clinic.id);
  });

  it('should refuse non-admins with 403 and reject unknown roles', async () => {
    const { token } = await signUpClinic(api);
    const email = `clinician-${Date.now()}@example.test`;
    await api.post('/api/v1/users', { name: 'C', email, password: strongPassword, role: 'clinician' }, token);
    const clinician = await api.post('/api/v1/auth/login', { email, password: strongPassword });
    const attempt = await api.post(
      '/api/v1/users',
      { name: 'X', email: `x-${Date.now()}@example.test`, password: strongPassword, role: 'admin' },
      clinician.body.accessToken,
    );
    expect(attempt.status).toBe(403);
    const badRole = await api.post(
      '/api/v1/users',
      { name: 'X', email: `y-${Date.now()}@e.test`, password: strongPassword, role: 'root' },
      token,
    );
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].pointer).toBe('/role');
  });
});
