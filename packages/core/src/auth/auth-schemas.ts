import { z } from 'zod';
import { clinicName, clinicSchema } from '../clinics/clinic-schemas';
import { emailAddress, newPassword, personName, userSchema } from '../users/user-schemas';

export const signUpInput = z.strictObject({
  clinicName,
  name: personName,
  email: emailAddress,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const logInInput = z.strictObject({
  email: z.string().trim().min(1, 'Enter your email').max(254).toLowerCase(),
  // Only bounded here: an old password may predate today's policy and must still log in.
  password: z.string().min(1, 'Enter your password').max(256),
});
export type LogInInput = z.infer<typeof logInInput>;

export const refreshInput = z.strictObject({
  refreshToken: z.string().min(1).max(200).optional(),
});

export const sessionSchema = z
  .object({
    user: userSchema,
    clinic: clinicSchema,
    accessToken: z.string(),
    refreshToken: z.string(),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const meSchema = z.object({ user: userSchema, clinic: clinicSchema }).meta({ id: 'Me' });
