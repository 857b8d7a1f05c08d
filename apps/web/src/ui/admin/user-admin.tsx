'use client';

import type { User, UserList, UserRole } from '@healthcare/core/users/user-schemas';
import { userRoles } from '@healthcare/core/users/user-schemas';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { useSession } from '../session/session-provider';
import { AddUserForm } from './add-user-form';

/** The clinic's accounts: role per person, deactivate and reactivate, add a colleague. */
export function UserAdmin() {
  const { t } = useI18n();
  const session = useSession();
  const [users, setUsers] = useState<User[] | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    const controller = new AbortController();
    callApi<UserList>('GET', '/users', { signal: controller.signal }).then(
      (list) => setUsers(list.items),
      (error: unknown) => {
        if (!controller.signal.aborted && !(error instanceof SessionExpired))
          setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
      },
    );
    return () => controller.abort();
  }, []);

  const update = async (user: User, change: { role?: UserRole; active?: boolean }) => {
    setProblem(undefined);
    setNotice('');
    try {
      const { user: updated } = await callApi<{ user: User }>('PATCH', `/users/${user.id}`, { body: change });
      setUsers((current) => current?.map((item) => (item.id === updated.id ? updated : item)));
      setNotice(interpolate(t.admin.userSaved, { name: updated.name }));
    } catch (error) {
      if (!(error instanceof SessionExpired))
        setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title" className="visually-hidden">
          {t.admin.usersTitle}
        </h2>
        {problem ? (
          <p role="alert" className="form-error">
            {problemMessage(problem, t)}
          </p>
        ) : null}
        <p role="status" className="form__status">
          {notice}
        </p>
        {!users ? (
          <p className="muted">{t.admin.loading}</p>
        ) : (
          <div className="table-scroll">
            <table className="patient-table">
              <thead>
                <tr>
                  <th scope="col">{t.admin.columnName}</th>
                  <th scope="col">{t.admin.columnEmail}</th>
                  <th scope="col">{t.admin.columnRole}</th>
                  <th scope="col">{t.admin.columnStatus}</th>
                  <th scope="col">{t.admin.columnActions}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => {
                  const self = user.id === session?.user.id;
                  return (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.name}
                        {self ? <span className="muted"> ({t.admin.you})</span> : null}
                      </th>
                      <td className="cell-wrap">{user.email}</td>
                      <td>
                        <select
                          aria-label={interpolate(t.admin.roleOf, { name: user.name })}
                          value={user.role}
                          disabled={self}
                          onChange={(event) => void update(user, { role: event.target.value as UserRole })}
                        >
                          {userRoles.map((role) => (
                            <option key={role} value={role}>
                              {t.admin.roles[role]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <span className={user.active ? 'status-badge' : 'status-badge status-failed'}>
                          {user.active ? t.admin.active : t.admin.inactive}
                        </span>
                      </td>
                      <td>
                        {self ? null : (
                          <button
                            type="button"
                            className={
                              user.active ? 'button button--small button--danger' : 'button button--small'
                            }
                            onClick={() => void update(user, { active: !user.active })}
                          >
                            {user.active ? t.admin.deactivate : t.admin.reactivate}
                            <span className="visually-hidden"> {user.name}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <AddUserForm onAdded={(user) => setUsers((current) => [...(current ?? []), user])} />
    </>
  );
}
