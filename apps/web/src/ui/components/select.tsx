'use client';

import * as SelectPrimitive from '@radix-ui/react-select';
import { cn } from './cn';
import { controlClasses } from './input';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps {
  /** Goes on the trigger, so `<label htmlFor={id}>` names it (role combobox). */
  id?: string;
  /** Submitted with a surrounding form, through the hidden native select Radix renders. */
  name?: string;
  /** '' shows the placeholder. */
  value: string;
  onValueChange: (value: string) => void;
  options: readonly SelectOption[];
  placeholder: string;
  required?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: true | undefined;
  'aria-label'?: string;
  className?: string;
}

/**
 * A listbox in a popover (Radix Select): opened with click, Enter, Space or the arrow keys,
 * typeahead to an option, Escape to close. Not a native <select>: tests click the trigger
 * (found by its label) and then the option by role.
 */
export function Select({
  id,
  name,
  value,
  onValueChange,
  options,
  placeholder,
  required,
  disabled,
  className,
  ...aria
}: SelectProps) {
  return (
    <SelectPrimitive.Root
      name={name}
      value={value}
      onValueChange={onValueChange}
      required={required}
      disabled={disabled}
    >
      <SelectPrimitive.Trigger
        id={id}
        className={cn(
          controlClasses,
          'flex cursor-pointer items-center justify-between gap-2 text-left data-placeholder:text-muted',
          className,
        )}
        {...aria}
      >
        <SelectPrimitive.Value placeholder={placeholder} />
        <SelectPrimitive.Icon className="text-muted" aria-hidden>
          <Chevron />
        </SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          className="z-50 max-h-(--radix-select-content-available-height) min-w-(--radix-select-trigger-width) overflow-hidden rounded-card border border-border bg-surface shadow-lg"
        >
          <SelectPrimitive.Viewport className="p-1">
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                className="flex cursor-pointer items-center justify-between gap-4 rounded-md px-3 py-2 text-text outline-none select-none data-highlighted:bg-primary-soft data-[state=checked]:font-semibold"
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
                <SelectPrimitive.ItemIndicator className="text-primary" aria-hidden>
                  ✓
                </SelectPrimitive.ItemIndicator>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}

function Chevron() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" strokeWidth="1.5">
      <path d="M2.5 4.5 6 8l3.5-3.5" />
    </svg>
  );
}
