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
}): User {
  return {
    id: row.id,
    clinicId: row.clinicId,
    name: row.name,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
  };
}
