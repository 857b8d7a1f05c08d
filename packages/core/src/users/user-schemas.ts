import { isCommonPassword } from '../auth/common-passwords';
import { z } from 'zod';

export const userRoles = ['admin', 'clinician', 'staff'] as const;
export type UserRole = (typeof userRoles)[number];

export const personName = z.string().trim().min(1, 'Enter a name').max(200, 'Use at most 200 characters');
export const emailAddress = z
  .email('Enter a valid email address')
  .max(254, 'Use at most 254 characters')
  .transform((email) => email.toLowerCase());
// The upper bound keeps a hash request from becoming a denial of service.
export const newPassword = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Use at most 256 characters')
  .refine(
    (password) => password.length < 12 || !isCommonPassword(password),
    'This password is too common and would be guessed quickly. Try a few unrelated words.',
  );

export const userSchema = z
  .object({
    id: z.uuid(),
    clinicId: z.uuid(),
    name: z.string(),
    email: z.string(),
    role: z.enum(userRoles),
    createdAt: z.iso.datetime(),
    active: z.boolean().describe('False once an admin deactivated the account: it can no longer sign in'),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.strictObject({
  name: personName,
  email: emailAddress,
  password: newPassword,
  role: z.enum(userRoles, 'Choose one of: admin, clinician, staff'),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export function toUser(row: {
  id: string;
  clinicId: string;
  name: string;
  email: string;
  role: UserRole;
  createdAt: Date;
  disabledAt?: Date | null;
}): User {
  return {
    id: row.id,
    clinicId: row.clinicId,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    active: !row.disabledAt,
  };
}

export const userIdParams = z.strictObject({ id: z.uuid().describe('The user id') });

export const updateUserInput = z
  .strictObject({
    role: z.enum(userRoles, 'Choose one of: admin, clinician, staff').optional(),
    active: z.boolean().optional().describe('false deactivates the account and ends its sessions'),
  })
  .refine((input) => input.role !== undefined || input.active !== undefined, 'Change the role or the status')
  .meta({ id: 'UpdateUser' });
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userListSchema = z.object({ items: z.array(userSchema) }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof userListSchema>;
