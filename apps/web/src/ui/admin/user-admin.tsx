'use client';

import type { User, UserList, UserRole } from '@healthcare/core/users/user-schemas';
import { userRoles } from '@healthcare/core/users/user-schemas';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { ConfirmDialog } from '../components/confirm-dialog';
import { DataTable } from '../components/data-table';
import { InlineAlert } from '../components/inline-alert';
import { Select } from '../components/select';
import { useToast } from '../components/toast';
import { useProblemMessage } from '../forms/use-problem-message';
import { useSession } from '../session/session-provider';
import { AddUserForm } from './add-user-form';

/** The clinic's accounts: role per person, deactivate and reactivate, add a colleague. */
export function UserAdmin() {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const problemMessage = useProblemMessage();
  const toast = useToast();
  const session = useSession();
  const [users, setUsers] = useState<User[] | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();

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
    try {
      const { user: updated } = await callApi<{ user: User }>('PATCH', `/users/${user.id}`, { body: change });
      setUsers((current) => current?.map((item) => (item.id === updated.id ? updated : item)));
      toast({ title: t('userSaved', { name: updated.name }) });
    } catch (error) {
      if (!(error instanceof SessionExpired))
        setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    }
  };

  const roleOptions = userRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }));

  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-3" aria-labelledby="users-title">
        <h2 id="users-title" className="sr-only">
          {t('usersTitle')}
        </h2>
        {problem ? <InlineAlert role="alert">{problemMessage(problem)}</InlineAlert> : null}
        {!users ? (
          <p className="text-muted">{t('loading')}</p>
        ) : (
          <DataTable>
            <thead>
              <tr>
                <th scope="col">{t('columnName')}</th>
                <th scope="col">{t('columnEmail')}</th>
                <th scope="col">{t('columnRole')}</th>
                <th scope="col">{t('columnStatus')}</th>
                <th scope="col">{t('columnActions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => {
                const self = user.id === session?.user.id;
                return (
                  <tr key={user.id}>
                    <th scope="row">
                      {user.name}
                      {self ? <span className="font-normal text-muted"> ({t('you')})</span> : null}
                    </th>
                    <td className="min-w-40 [overflow-wrap:anywhere]">{user.email}</td>
                    <td className="min-w-48">
                      <Select
                        aria-label={t('roleOf', { name: user.name })}
                        value={user.role}
                        disabled={self}
                        options={roleOptions}
                        placeholder={t('rolePlaceholder')}
                        onValueChange={(role) => void update(user, { role: role as UserRole })}
                      />
                    </td>
                    <td>
                      <Badge tone={user.active ? 'primary' : 'danger'}>
                        {user.active ? t('active') : t('inactive')}
                      </Badge>
                    </td>
                    <td>
                      {self ? null : user.active ? (
                        <ConfirmDialog
                          trigger={
                            <Button size="sm" variant="danger">
                              {t('deactivate')}
                              <span className="sr-only"> {user.name}</span>
                            </Button>
                          }
                          title={t('deactivateTitle', { name: user.name })}
                          description={t('deactivateConfirm')}
                          confirmLabel={t('deactivateYes')}
                          cancelLabel={common('cancel')}
                          onConfirm={() => void update(user, { active: false })}
                        />
                      ) : (
                        <Button size="sm" onClick={() => void update(user, { active: true })}>
                          {t('reactivate')}
                          <span className="sr-only"> {user.name}</span>
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>
      <AddUserForm onAdded={(user) => setUsers((current) => [...(current ?? []), user])} />
    </div>
  );
}
