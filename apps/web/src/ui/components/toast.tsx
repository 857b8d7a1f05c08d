'use client';

import * as ToastPrimitive from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { cn } from './cn';

export interface ToastMessage {
  title: string;
  description?: string;
  /** Errors stay until dismissed and are announced at once; successes fade and wait their turn. */
  tone?: 'success' | 'error';
}

interface ShownToast extends ToastMessage {
  id: number;
}

const ToastContext = createContext<((message: ToastMessage) => void) | undefined>(undefined);

const successDurationMs = 6000;

/**
 * Holds the page's toasts (Radix Toast): a labelled region reachable with F8, each toast announced
 * to screen readers, paused while hovered or focused, closable with Escape or its button.
 */
export function ToastProvider({
  regionLabel,
  toastLabel,
  closeLabel,
  children,
}: {
  /** Names the notifications region, e.g. "Notifications"; F8 (announced with it) moves there. */
  regionLabel: string;
  /** Read before each toast's text, e.g. "Notification". */
  toastLabel: string;
  closeLabel: string;
  children: ReactNode;
}) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const lastId = useRef(0);
  const show = useCallback((message: ToastMessage) => {
    const id = ++lastId.current;
    setToasts((shown) => [...shown, { ...message, id }]);
  }, []);
  const dismiss = (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id));

  return (
    <ToastContext value={show}>
      <ToastPrimitive.Provider label={toastLabel} duration={successDurationMs}>
        {children}
        {toasts.map((toast) => (
          <ToastPrimitive.Root
            key={toast.id}
            type={toast.tone === 'error' ? 'foreground' : 'background'}
            duration={toast.tone === 'error' ? Infinity : successDurationMs}
            onOpenChange={(open) => (open ? undefined : dismiss(toast.id))}
            className={cn(
              'flex items-start gap-3 rounded-card border bg-surface p-4 shadow-lg',
              toast.tone === 'error' ? 'border-danger' : 'border-primary',
            )}
          >
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <ToastPrimitive.Title
                className={cn('font-semibold', toast.tone === 'error' ? 'text-danger' : 'text-primary-hover')}
              >
                {toast.title}
              </ToastPrimitive.Title>
              {toast.description ? (
                <ToastPrimitive.Description className="text-sm text-text">
                  {toast.description}
                </ToastPrimitive.Description>
              ) : null}
            </div>
            <ToastPrimitive.Close
              aria-label={closeLabel}
              className="-m-1 cursor-pointer rounded-md p-1 leading-none text-muted hover:bg-bg hover:text-text"
            >
              <span aria-hidden>×</span>
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport
          label={`${regionLabel} ({hotkey})`}
          className="fixed right-0 bottom-0 z-50 m-0 flex w-full max-w-sm list-none flex-col gap-3 p-4 outline-none"
        />
      </ToastPrimitive.Provider>
    </ToastContext>
  );
}

/** `const toast = useToast(); toast({ title: t('saved') })`. */
export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}
