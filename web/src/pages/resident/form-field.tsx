import type { ComponentChildren } from 'preact';

/**
 * A field whose label, hint and error are tied to its control by id (the control gets
 * `aria-describedby`/`aria-invalid` from `describe`): the error the API gave for this field sits
 * right under it and a screen reader reads it with the field.
 */
export function FormField({ id, label, hint, error, optional, children }: { id: string; label: string; hint?: string | undefined; error?: string | undefined; optional?: boolean; children: ComponentChildren }) {
  return (
    <div class={error ? 'field r-invalid' : 'field'}>
      <label class="label" for={id}>
        {label}
        {optional ? <span class="muted">（选填）</span> : null}
      </label>
      {children}
      {hint ? (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="r-field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The ARIA attributes that tie a control to its FormField's hint and error. */
export function describe(id: string, { hint, error }: { hint?: boolean; error?: string | undefined }) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true as const } : {}) };
}
