import type { Actor } from '../auth/actor';
import { AppError } from '../errors/app-error';
import type { UserRole } from './user-schemas';

export function requireRole(actor: Actor, allowed: readonly UserRole[]): void {
  if (!allowed.includes(actor.role)) {
    throw new AppError('forbidden', 'Your role does not allow this action.');
  }
}
